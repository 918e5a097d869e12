package io.marquee.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Ingress controllers, the management port, graceful shutdown, helm tests and the pod options. */
class ChartOptionsTest {

    private static final int MANAGEMENT = 9000;

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void healthAndMetricsAreOnlyOnTheManagementPortWhichNoIngressRoutes(Chart.Values values) {
        List<HasMetadata> objects = Chart.renderObjects(values);
        for (Deployment deployment : Manifests.ofKind(objects, Deployment.class)) {
            if (deployment.getMetadata().getName().endsWith("dev-dependencies")) {
                continue;
            }
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getPorts()).anySatisfy(p -> {
                assertThat(p.getName()).isEqualTo("management");
                assertThat(p.getContainerPort()).isEqualTo(MANAGEMENT);
            });
            for (var probe : List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
                assertThat(probe.getHttpGet().getPath()).startsWith("/q/health/");
                assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
            }
        }
        for (Ingress ingress : Manifests.ofKind(objects, Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path ->
                    assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http")));
        }
        for (ServiceMonitor monitor : Manifests.ofKind(objects, ServiceMonitor.class)) {
            assertThat(monitor.getSpec().getEndpoints()).allSatisfy(e -> assertThat(e.getPort()).isEqualTo("management"));
        }
    }

    @Test
    void theGatewayAsksEachServicesReadinessOnItsManagementPortAndTheirPoliciesAdmitIt() {
        List<HasMetadata> objects = Chart.renderObjects(Chart.Values.DEFAULT);
        Map<String, String> gateway = Manifests.named(objects, io.fabric8.kubernetes.api.model.ConfigMap.class, "marquee-gateway").getData();
        assertThat(gateway).containsEntry("GATEWAY_USER_MANAGEMENT_URL", "http://marquee-user-service:9000")
                .containsEntry("GATEWAY_CATALOG_MANAGEMENT_URL", "http://marquee-catalog-service:9000")
                .containsEntry("GATEWAY_RATING_MANAGEMENT_URL", "http://marquee-rating-service:9000");
        for (String service : List.of("user-service", "catalog-service", "rating-service")) {
            assertThat(Manifests.named(objects, Service.class, "marquee-" + service).getSpec().getPorts())
                    .extracting(ServicePort::getName).contains("http", "management");
            NetworkPolicy policy = Manifests.named(objects, NetworkPolicy.class, "marquee-" + service);
            assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> {
                assertThat(ports(rule)).containsExactly(MANAGEMENT);
                assertThat(rule.getFrom()).singleElement().satisfies(peer ->
                        assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "gateway"));
            });
        }
    }

    @Test
    void onEksTheAlbReachesTheGatewayPodsFromTheVpcAndHealthChecksItsManagementPort() {
        List<HasMetadata> objects = Chart.renderObjects(Chart.Values.EKS);
        Ingress ingress = Manifests.named(objects, Ingress.class, "marquee-gateway");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("alb");
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("alb.ingress.kubernetes.io/target-type", "ip")
                .containsEntry("alb.ingress.kubernetes.io/healthcheck-port", "9000")
                .containsEntry("alb.ingress.kubernetes.io/healthcheck-path", "/q/health/ready")
                .containsEntry("alb.ingress.kubernetes.io/listen-ports", "[{\"HTTPS\":443}]")
                .containsKey("alb.ingress.kubernetes.io/certificate-arn");
        NetworkPolicy policy = Manifests.named(objects, NetworkPolicy.class, "marquee-gateway");
        assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> {
            assertThat(rule.getFrom()).extracting(p -> p.getIpBlock() == null ? null : p.getIpBlock().getCidr())
                    .containsExactly("10.0.0.0/16");
            assertThat(ports(rule)).containsExactly(8080, MANAGEMENT);
        });
        // No controller pods to select on EKS (podLabels: null): nothing admitted from the controller's namespace.
        assertThat(policy.getSpec().getIngress()).noneSatisfy(rule -> assertThat(rule.getFrom())
                .anySatisfy(peer -> assertThat(peer.getNamespaceSelector() == null ? Map.<String, String>of()
                        : peer.getNamespaceSelector().getMatchLabels())
                        .containsEntry("kubernetes.io/metadata.name", "kube-system")));
    }

    @Test
    void onKindIngressNginxPodsReachTheGatewayWithoutAlbAnnotations() {
        List<HasMetadata> objects = Chart.renderObjects(Chart.Values.KIND);
        Ingress ingress = Manifests.named(objects, Ingress.class, "marquee-gateway");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(Objects.requireNonNullElse(ingress.getMetadata().getAnnotations(), Map.<String, String>of()))
                .doesNotContainKey("alb.ingress.kubernetes.io/target-type");
        NetworkPolicy policy = Manifests.named(objects, NetworkPolicy.class, "marquee-gateway");
        assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> assertThat(rule.getFrom()).anySatisfy(peer ->
                assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "ingress-nginx")));
    }

    @Test
    void theGatewayApiRouteIsAnOption() {
        List<HasMetadata> objects = Chart.parse(Chart.template(Chart.Values.DEFAULT)
                .set("gateway.httpRoute.enabled", "true")
                .set("gateway.httpRoute.parentRefs[0].name", "public")
                .set("gateway.httpRoute.parentRefs[0].namespace", "gateway-system")
                .set("gateway.httpRoute.hostnames[0]", "marquee.example.com")
                .call());
        HTTPRoute route = Manifests.named(objects, HTTPRoute.class, "marquee-gateway");
        assertThat(route.getSpec().getParentRefs()).singleElement().satisfies(p -> assertThat(p.getName()).isEqualTo("public"));
        assertThat(route.getSpec().getRules().get(0).getBackendRefs()).singleElement().satisfies(b -> {
            assertThat(b.getName()).isEqualTo("marquee-gateway");
            assertThat(b.getPort()).isEqualTo(8080);
        });
        assertThatThrownBy(() -> Chart.template(Chart.Values.DEFAULT).set("gateway.httpRoute.enabled", "true").call())
                .hasMessageContaining("gateway.httpRoute.parentRefs");
    }

    @Test
    void aPodIsGivenTimeToLeaveTheLoadBalancersAndFinishItsRequests() {
        List<HasMetadata> objects = Chart.renderObjects(Chart.Values.EKS);
        for (Deployment deployment : Manifests.ofKind(objects, Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
            String name = deployment.getMetadata().getName();
            String timeout = Manifests.named(objects, io.fabric8.kubernetes.api.model.ConfigMap.class, name).getData()
                    .get("QUARKUS_SHUTDOWN_TIMEOUT");
            long shutdown = Long.parseLong(timeout.replace("s", ""));
            assertThat(preStop).as(name).isPositive();
            assertThat(pod.getTerminationGracePeriodSeconds()).as(name).isGreaterThan(preStop + shutdown);
        }
    }

    @Test
    void helmTestCallsTheGatewaysReadinessAndOneApiRoute() {
        List<HasMetadata> objects = Chart.parse(Chart.renderWithHooks(Chart.Values.KIND, Map.of()));
        Pod test = Manifests.named(objects, Pod.class, "marquee-test-gateway");
        assertThat(test.getMetadata().getAnnotations()).containsEntry(Chart.HOOK_ANNOTATION, "test");
        String script = String.join("\n", test.getSpec().getContainers().get(0).getCommand());
        assertThat(script).contains("http://marquee-gateway:9000/q/health/ready", "http://marquee-gateway:8080/api/v1/movies?limit=1");
        NetworkPolicy gateway = Manifests.named(objects, NetworkPolicy.class, "marquee-gateway");
        assertThat(gateway.getSpec().getIngress()).anySatisfy(rule -> assertThat(rule.getFrom()).anySatisfy(peer ->
                assertThat(Manifests.matches(peer.getPodSelector(), test.getMetadata().getLabels())).isTrue()));
    }

    @Test
    void theChartNamesTheKubernetesReleasesItSupports() throws IOException {
        JsonNode chart = new YAMLMapper().readTree(Chart.DIR.resolve("Chart.yaml").toFile());
        assertThat(chart.get("kubeVersion").asText()).isEqualTo(">=1.30.0-0");
        assertThat(Files.exists(Chart.DIR.resolve("templates/NOTES.txt"))).isTrue();
    }

    @Test
    void podOptionsAndImageDigestsAreSettablePerService() {
        String digest = "sha256:" + "a".repeat(64);
        List<HasMetadata> objects = Chart.parse(Chart.template(Chart.Values.DEFAULT)
                .set("catalogService.image.digest", digest)
                .set("catalogService.podLabels.team", "discovery")
                .set("catalogService.priorityClassName", "marquee-high")
                .set("catalogService.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key", "pool")
                .set("catalogService.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator", "In")
                .set("catalogService.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]", "general")
                .set("catalogService.extraVolumes[0].name", "ca")
                .set("catalogService.extraVolumes[0].configMap.name", "corporate-ca")
                .set("catalogService.extraVolumeMounts[0].name", "ca")
                .set("catalogService.extraVolumeMounts[0].mountPath", "/etc/pki/corporate")
                .call());
        PodSpec pod = Manifests.named(objects, Deployment.class, "marquee-catalog-service").getSpec().getTemplate().getSpec();
        assertThat(pod.getContainers().get(0).getImage()).isEqualTo("marquee/catalog-service@" + digest);
        assertThat(Manifests.named(objects, Deployment.class, "marquee-catalog-service").getSpec().getTemplate()
                .getMetadata().getLabels()).containsEntry("team", "discovery");
        assertThat(pod.getPriorityClassName()).isEqualTo("marquee-high");
        assertThat(pod.getAffinity().getNodeAffinity()).isNotNull();
        assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getName()).isEqualTo("ca"));
        assertThat(pod.getContainers().get(0).getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/pki/corporate"));

        assertThatThrownBy(() -> Chart.template(Chart.Values.DEFAULT).set("catalogService.image.digest", "sha256:nope").call())
                .hasMessageContaining("digest");
        assertThatThrownBy(() -> Chart.template(Chart.Values.DEFAULT).set("catalogService.podLabels.app\\.kubernetes\\.io/name", "x").call())
                .hasMessageContaining("podLabels may not set app.kubernetes.io/name");
    }

    @Test
    void secretsCanComeFromAnExternalStore() throws IOException {
        String rendered = Chart.template(Chart.Values.EKS)
                .set("externalSecrets.enabled", "true")
                .set("externalSecrets.secrets[0].name", "marquee-jwt")
                .set("externalSecrets.secrets[0].data[0].secretKey", "private-key.pem")
                .set("externalSecrets.secrets[0].data[0].remoteRef.key", "marquee/jwt")
                .call();
        List<JsonNode> externalSecrets = new ArrayList<>();
        for (String document : rendered.split("(?m)^---\\s*$")) {
            JsonNode node = new YAMLMapper().readTree(document);
            if (node != null && "ExternalSecret".equals(node.path("kind").asText())) {
                externalSecrets.add(node);
            }
        }
        assertThat(externalSecrets).singleElement().satisfies(es -> {
            assertThat(es.path("apiVersion").asText()).isEqualTo("external-secrets.io/v1");
            assertThat(es.path("spec").path("target").path("name").asText()).isEqualTo("marquee-jwt");
            assertThat(es.path("spec").path("secretStoreRef").path("kind").asText()).isEqualTo("ClusterSecretStore");
            assertThat(es.path("spec").path("data").get(0).path("remoteRef").path("key").asText()).isEqualTo("marquee/jwt");
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void eachKindOfServiceObjectComesFromItsOwnTemplate(Chart.Values values) throws IOException {
        Map<String, String> templateOf = Map.of("Deployment", "deployment.yaml", "Service", "service.yaml",
                "ServiceAccount", "serviceaccount.yaml", "HorizontalPodAutoscaler", "hpa.yaml",
                "PodDisruptionBudget", "pdb.yaml", "NetworkPolicy", "networkpolicy.yaml",
                "ServiceMonitor", "servicemonitor.yaml", "Ingress", "ingress.yaml");
        int checked = 0;
        for (String document : Chart.render(values).split("(?m)^---\\s*$")) {
            java.util.regex.Matcher source = java.util.regex.Pattern.compile("(?m)^# Source: marquee/templates/(\\S+)$").matcher(document);
            JsonNode node = new YAMLMapper().readTree(document);
            if (!source.find() || node == null || !templateOf.containsKey(node.path("kind").asText())) {
                continue;
            }
            String kind = node.path("kind").asText();
            if (node.path("metadata").path("name").asText().endsWith("dev-dependencies")) {
                continue; // the in-cluster engines for kind have their own template
            }
            assertThat(source.group(1)).as(kind + " " + node.path("metadata").path("name").asText()).isEqualTo(templateOf.get(kind));
            checked++;
        }
        assertThat(checked).isGreaterThan(15);
    }

    private static List<Integer> ports(NetworkPolicyIngressRule rule) {
        return rule.getPorts().stream().map(NetworkPolicyPort::getPort).map(p -> p.getIntVal()).toList();
    }
}
