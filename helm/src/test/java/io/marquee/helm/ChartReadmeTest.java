package io.marquee.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value in values.yaml has a row in the chart's README. */
class ChartReadmeTest {

    /** Free-form maps: documented as one value, their keys are the user's. */
    private static final Set<String> FREE_FORM = Set.of("config", "env", "annotations", "labels", "podLabels",
            "nodeSelector", "campaignArns", "filterArns", "podAnnotations", "consumerGroups", "streamsApplications");
    private static final List<String> SERVICE_BLOCKS = List.of("gateway", "userService", "catalogService", "ratingService",
            "recommendationService", "eventIngestService");

    @Test
    void everyValueIsDocumentedInTheReadme() throws IOException {
        String readme = Files.readString(Chart.DIR.resolve("README.md"));
        List<String> paths = new ArrayList<>();
        collect(new YAMLMapper().readTree(Chart.DIR.resolve("values.yaml").toFile()), "", paths);

        assertThat(paths).hasSizeGreaterThan(50);
        List<String> undocumented = paths.stream()
                .filter(path -> !readme.contains("`" + path + "`") && !readme.contains("`" + asServiceBlock(path) + "`"))
                .toList();
        assertThat(undocumented).as("values without a row in helm/marquee/README.md").isEmpty();
    }

    private static String asServiceBlock(String path) {
        for (String block : SERVICE_BLOCKS) {
            if (path.startsWith(block + ".")) {
                return "<service>" + path.substring(block.length());
            }
        }
        return path;
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        if (node.isObject() && !node.isEmpty() && !FREE_FORM.contains(last)) {
            node.properties().forEach(e -> collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), paths));
        } else {
            paths.add(path);
        }
    }
}
