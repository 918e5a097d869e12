package io.marquee.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service generates its Kubernetes manifest at build time from its own configuration
 * (quarkus-kubernetes: {@code <service>/target/kubernetes/kubernetes.yml}). That manifest is never
 * applied, the chart is; so the chart must deploy each service as its generated manifest describes
 * it: the same container ports, the same probe paths on the same ports, the image it builds, and
 * every environment variable the service asks for ({@code quarkus.kubernetes.env.vars.*}), in
 * every value set the chart ships. The helm module depends on the services (build order only), so
 * they are packaged first.
 */
class GeneratedManifestsTest {

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void theChartDeploysEveryServiceAsItsGeneratedManifestDescribesIt(Chart.Values values) throws IOException {
        List<HasMetadata> objects = Chart.renderObjects(values);
        for (String service : ChartLintAndRenderTest.SERVICES) {
            Container generated = container(generatedDeployment(service));
            Container rendered = container(Manifests.named(objects, Deployment.class, "marquee-" + service));

            assertThat(ports(rendered)).as("%s (%s): container ports", service, values).isEqualTo(ports(generated));
            assertThat(probe(rendered, rendered.getStartupProbe())).as("%s (%s): startup probe", service, values)
                    .isEqualTo(probe(generated, generated.getStartupProbe()));
            assertThat(probe(rendered, rendered.getLivenessProbe())).as("%s (%s): liveness probe", service, values)
                    .isEqualTo(probe(generated, generated.getLivenessProbe()));
            assertThat(probe(rendered, rendered.getReadinessProbe())).as("%s (%s): readiness probe", service, values)
                    .isEqualTo(probe(generated, generated.getReadinessProbe()));
            if (values == Chart.Values.DEFAULT) {
                // Without a registry, digest or tag override, the chart runs the image the service builds.
                assertThat(rendered.getImage()).as("%s: image", service)
                        .isEqualTo(generated.getImage().replaceFirst("^docker\\.io/", ""));
            }
            assertThat(environmentNames(objects, rendered)).as("%s (%s): environment the chart sets", service, values)
                    .containsAll(askedFor(generated));
        }
    }

    private static Deployment generatedDeployment(String service) throws IOException {
        Path manifest = Chart.REPO_ROOT.resolve(service).resolve("target/kubernetes/kubernetes.yml");
        assertThat(manifest).as("package %s first (./mvnw package -pl helm -am does)", service).exists();
        List<HasMetadata> generated = Chart.parse(Files.readString(manifest));
        List<Deployment> deployments = Manifests.ofKind(generated, Deployment.class);
        assertThat(deployments).as("%s: generated Deployments", service).hasSize(1);
        Deployment deployment = deployments.get(0);
        assertThat(askedFor(container(deployment))).as("%s asks for its environment", service).isNotEmpty();
        return deployment;
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(deployment.getMetadata().getName()).hasSize(1);
        return containers.get(0);
    }

    /** Port name to number. */
    private static Map<String, Integer> ports(Container container) {
        return container.getPorts().stream()
                .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort, (a, b) -> a, TreeMap::new));
    }

    /** "GET path on port number" (a named port resolved through the container's ports), or null without a probe. */
    private static String probe(Container container, Probe probe) {
        if (probe == null) {
            return null;
        }
        assertThat(probe.getHttpGet()).as("%s: HTTP probe", container.getName()).isNotNull();
        IntOrString port = probe.getHttpGet().getPort();
        int number = port.getIntVal() != null ? port.getIntVal()
                : Objects.requireNonNull(ports(container).get(port.getStrVal()), "no container port named " + port.getStrVal());
        return "GET " + probe.getHttpGet().getPath() + " on " + number;
    }

    /**
     * The variables the service asks for: its {@code quarkus.kubernetes.env.vars.*}, which carry a
     * value. Quarkus adds downward-API ones of its own (KUBERNETES_NAMESPACE), which no service reads.
     */
    private static List<String> askedFor(Container generated) {
        return generated.getEnv().stream().filter(env -> env.getValueFrom() == null).map(EnvVar::getName).toList();
    }

    /** Every variable the rendered container gets: its own env and its ConfigMaps' keys. */
    private static Set<String> environmentNames(List<HasMetadata> objects, Container container) {
        Set<String> names = new TreeSet<>();
        if (container.getEnv() != null) {
            container.getEnv().stream().map(EnvVar::getName).forEach(names::add);
        }
        for (EnvFromSource source : container.getEnvFrom() == null ? List.<EnvFromSource>of() : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                ConfigMap configMap = Manifests.named(objects, ConfigMap.class, source.getConfigMapRef().getName());
                names.addAll(Objects.requireNonNullElse(configMap.getData(), Map.<String, String>of()).keySet());
            }
        }
        return names;
    }
}
