package io.marquee.helm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** k8s/ is the chart rendered by helm/render-k8s.sh; this fails when someone edits one and not the other. */
class K8sManifestsDriftTest {

    @Test
    void theCommittedManifestsAreExactlyWhatTheChartRenders() throws IOException {
        Map<String, String> expected = K8sManifests.render(Chart.DIR);
        Map<String, String> actual = new TreeMap<>();
        for (Path file : K8sManifests.generatedFilesIn(Chart.K8S_DIR)) {
            actual.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        }

        assertThat(actual.keySet()).as("files in k8s/ (run helm/render-k8s.sh)").isEqualTo(expected.keySet());
        expected.forEach((file, content) ->
                assertThat(actual.get(file)).as("k8s/%s differs from the chart: run helm/render-k8s.sh", file).isEqualTo(content));
    }

    @Test
    void everyYamlFileInK8sIsGeneratedAndSaysSo() throws IOException {
        try (var files = Files.list(Chart.K8S_DIR)) {
            assertThat(files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")))
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(Files.readString(f)).startsWith(K8sManifests.BANNER_FIRST_LINE + "\n"));
        }
    }

    @Test
    void theGeneratedManifestsParseAsKubernetesObjects() {
        K8sManifests.render(Chart.DIR).values().forEach(content -> assertThat(Chart.parse(content)).isNotEmpty());
    }
}
