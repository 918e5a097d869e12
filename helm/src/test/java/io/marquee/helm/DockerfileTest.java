package io.marquee.helm;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The images the chart runs: each service's Dockerfile.jvm runs as the chart's user on the chart's port. */
class DockerfileTest {

    @Test
    void everyServiceImageRunsAsUser185AndExposesThePortTheChartProbes() throws IOException {
        List<HasMetadata> objects = Chart.renderObjects(Chart.Values.DEFAULT);
        for (String service : ChartLintAndRenderTest.SERVICES) {
            Path dockerfile = Chart.REPO_ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
            String text = Files.readString(dockerfile);
            int port = Manifests.named(objects, Deployment.class, "marquee-" + service)
                    .getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort();

            assertThat(text).as(service).containsPattern("(?m)^USER 185$")
                    .containsPattern("(?m)^EXPOSE " + port + "$")
                    .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                    .contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
        }
    }
}
