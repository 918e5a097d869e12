package io.marquee.helm;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.marquee.common.concurrent.BackgroundThreads;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart and the service modules agree: every service that exists is deployed, on its own port
 * and the management port it serves health and metrics on, from its image.
 */
class ServiceModulesTest {

    /** Every service module the architecture names; those not written yet are skipped until they exist. */
    private static final List<String> SERVICE_MODULES = List.of("gateway", "user-service", "catalog-service",
            "rating-service", "recommendation-service", "event-ingest-service");

    @Test
    void everyServiceModuleThatExistsIsDeployedOnThePortItListensOn() throws IOException {
        List<HasMetadata> objects = Chart.renderObjects(Chart.Values.DEFAULT);
        int checked = 0;
        for (String module : SERVICE_MODULES) {
            Path properties = Chart.REPO_ROOT.resolve(module).resolve("src/main/resources/application.properties");
            if (!Files.exists(Chart.REPO_ROOT.resolve(module).resolve("pom.xml")) || !Files.exists(properties)) {
                continue;
            }
            Properties config = new Properties();
            try (Reader reader = Files.newBufferedReader(properties)) {
                config.load(reader);
            }
            Deployment deployment = Manifests.named(objects, Deployment.class, "marquee-" + module);

            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort())
                    .as("%s: chart port vs quarkus.http.port", module)
                    .isEqualTo(Integer.parseInt(config.getProperty("quarkus.http.port")));
            // Probes and Prometheus use the chart's management port: the service must serve /q/health there.
            assertThat(config.getProperty("quarkus.management.enabled")).as("%s: management interface", module)
                    .isEqualTo("true");
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
                    .as("%s: chart management port vs quarkus.management.port", module)
                    .anySatisfy(p -> assertThat(p.getContainerPort())
                            .isEqualTo(Integer.parseInt(config.getProperty("quarkus.management.port"))));
            assertThat(config.getProperty("quarkus.shutdown.timeout")).as("%s: graceful shutdown", module).isNotBlank();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(ChartLintAndRenderTest.SERVICES.size());
    }

    @Test
    void everyServiceImageRunsAsUser185AndExposesThePortTheChartProbes() throws IOException {
        List<HasMetadata> objects = Chart.renderObjects(Chart.Values.DEFAULT);
        for (String service : ChartLintAndRenderTest.SERVICES) {
            String dockerfile = Files.readString(Chart.REPO_ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
            int port = Manifests.named(objects, Deployment.class, "marquee-" + service)
                    .getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort();

            assertThat(dockerfile).as(service).containsPattern("(?m)^USER 185$")
                    .containsPattern("(?m)^EXPOSE " + port + "$")
                    .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                    .contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"")
                    // background consumers yield the CPU to requests in the pods as in the devstack (ADR 38)
                    .containsPattern("(?m)^ENV JAVA_OPTS_APPEND=\".*" + Pattern.quote(String.join(" ", BackgroundThreads.JVM_OPTIONS)) + ".*\"$");
        }
    }

    @Test
    void bothImageBuildsRunTheSameJvmOptionsAndEventIngestRunsG1() throws IOException {
        for (String service : ChartLintAndRenderTest.SERVICES) {
            String dockerfile = Files.readString(Chart.REPO_ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
            Properties config = new Properties();
            try (Reader reader = Files.newBufferedReader(Chart.REPO_ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
                config.load(reader);
            }
            // run-java.sh adds its own collector unless GC_CONTAINER_OPTIONS replaces it; a second
            // one in JAVA_OPTS_APPEND would keep the JVM from starting.
            assertThat(dockerfile).as(service).doesNotContainPattern("(?m)^ENV JAVA_OPTS_APPEND=\".*-XX:\\+Use\\w+GC");
            // A Jib build (no Dockerfile) gets the same thread priorities (ADR 38).
            assertThat(List.of(config.getProperty("quarkus.jib.jvm-additional-arguments", "").split(",")))
                    .as("%s: quarkus.jib.jvm-additional-arguments", service).containsAll(BackgroundThreads.JVM_OPTIONS);
        }
        // The relay's live data would cost the accept path stop-the-world full collections (ADR 40),
        // in the Dockerfile's image and in Jib's.
        String g1 = "-XX:+UseG1GC -XX:MaxGCPauseMillis=20";
        assertThat(Files.readString(Chart.REPO_ROOT.resolve("event-ingest-service/src/main/docker/Dockerfile.jvm")))
                .contains("ENV GC_CONTAINER_OPTIONS=\"" + g1 + "\"");
        Properties ingest = new Properties();
        try (Reader reader = Files.newBufferedReader(Chart.REPO_ROOT.resolve("event-ingest-service/src/main/resources/application.properties"))) {
            ingest.load(reader);
        }
        assertThat(ingest.getProperty("quarkus.jib.environment-variables.\"GC_CONTAINER_OPTIONS\"")).isEqualTo(g1);
    }
}
