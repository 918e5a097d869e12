package io.marquee.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * helm/kind/up.sh needs a container engine, which CI lacks; what it relies on is held here: the
 * cluster config, the images it builds and loads against the ones the kind values run, and the
 * build commands.
 */
class KindSetupTest {

    private static final Path KIND = Chart.REPO_ROOT.resolve("helm/kind");

    @Test
    void theClusterHasTheNodeIngressNginxSelectsWithTheHostsPorts80And443() throws IOException {
        JsonNode cluster = new YAMLMapper().readTree(KIND.resolve("cluster.yaml").toFile());
        JsonNode node = cluster.get("nodes").get(0);
        assertThat(node.get("kubeadmConfigPatches").get(0).asText()).contains("node-labels: \"ingress-ready=true\"");
        List<Integer> hostPorts = new ArrayList<>();
        node.get("extraPortMappings").forEach(m -> {
            assertThat(m.get("containerPort").asInt()).isEqualTo(m.get("hostPort").asInt());
            hostPorts.add(m.get("hostPort").asInt());
        });
        assertThat(hostPorts).containsExactly(80, 443);
        Ingress ingress = Manifests.named(Chart.renderObjects(Chart.Values.KIND), Ingress.class, "marquee-gateway");
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("localhost");
    }

    @Test
    void everyImageTheKindValuesRunIsBuiltFromItsDockerfileAndLoaded() throws IOException {
        String script = Files.readString(KIND.resolve("up.sh"));
        List<HasMetadata> objects = Chart.renderObjects(Chart.Values.KIND);
        Matcher services = Pattern.compile("services=\\(([^)]*)\\)").matcher(script);
        assertThat(services.find()).isTrue();
        List<String> built = new ArrayList<>(List.of(services.group(1).trim().split("\\s+")));
        built.add("devstack");
        for (Deployment deployment : Manifests.ofKind(objects, Deployment.class)) {
            String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            Matcher m = Pattern.compile("^marquee/([a-z-]+):0\\.1\\.0$").matcher(image);
            assertThat(m.matches()).as(image).isTrue();
            String module = m.group(1);
            assertThat(built.contains(module) || script.contains("for optional in") && script.contains(module))
                    .as("up.sh builds and loads " + image).isTrue();
            Path dockerfile = Chart.REPO_ROOT.resolve(module).resolve("src/main/docker/Dockerfile.jvm");
            assertThat(dockerfile).as("the Dockerfile up.sh builds " + image + " from").exists();
        }
        assertThat(script).contains("-pl \"$modules\" -am", "kind load docker-image", "minikube image load",
                "--config helm/kind/cluster.yaml", "-f helm/marquee/values-kind.yaml", "helm test marquee");
    }

    @Test
    void theAwsSecretIsCreatedInTheNamespaceTheChartIsInstalledIn() throws IOException {
        String script = Files.readString(KIND.resolve("up.sh"));
        assertThat(script).contains("kubectl -n \"$namespace\" create secret generic marquee-dev-aws")
                .contains("helm upgrade --install marquee helm/marquee -n \"$namespace\"");
        String kindValues = Files.readString(Chart.DIR.resolve("values-kind.yaml"));
        assertThat(kindValues).contains("credentialsSecret: marquee-dev-aws");
    }
}
