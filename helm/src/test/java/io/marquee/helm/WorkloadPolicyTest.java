package io.marquee.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What SREs check before they trust a chart, over every workload each value set renders. */
class WorkloadPolicyTest {

    private static final String VERSION_LABEL = "app.kubernetes.io/version";
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|passwd|secret|token|private_?key|credential|api_?key|access_?key).*");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?s).*(-----BEGIN [A-Z ]*PRIVATE KEY-----|AKIA[0-9A-Z]{16}|(?i:password\\s*=)|(?i:secret\\s*=)|eyJ[A-Za-z0-9_-]{10,}\\.).*");

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyContainerHasStartupLivenessAndReadinessProbes(Chart.Values values) {
        forEachContainer(values, (workload, container) -> {
            assertThat(container.getStartupProbe()).as("%s startup probe", workload).isNotNull();
            assertThat(container.getLivenessProbe()).as("%s liveness probe", workload).isNotNull();
            assertThat(container.getReadinessProbe()).as("%s readiness probe", workload).isNotNull();
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void quarkusServicesAreProbedOnTheirHealthEndpoints(Chart.Values values) {
        List<HasMetadata> objects = Chart.renderObjects(values);
        for (String service : ChartLintAndRenderTest.SERVICES) {
            Container container = Manifests.named(objects, Deployment.class, "marquee-" + service)
                    .getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(path(container.getStartupProbe())).isEqualTo("/q/health/started");
            assertThat(path(container.getLivenessProbe())).isEqualTo("/q/health/live");
            assertThat(path(container.getReadinessProbe())).isEqualTo("/q/health/ready");
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyContainerRequestsCpuAndMemoryAndHasAMemoryLimit(Chart.Values values) {
        forEachContainer(values, (workload, container) -> {
            var resources = container.getResources();
            assertThat(resources.getRequests()).as("%s requests", workload).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as("%s limits", workload).containsKey("memory");
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyPodRunsNonRootReadOnlyWithoutCapabilitiesOrPrivilegeEscalation(Chart.Values values) {
        Manifests.podTemplates(Chart.renderObjects(values)).forEach((workload, template) -> {
            PodSpec pod = template.getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as("%s runAsNonRoot", workload).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as("%s runAsUser", workload).isIn(185L, 10001L);
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as("%s automounts a token", workload).isFalse();
            assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
            Volume tmp = pod.getVolumes().stream().filter(v -> v.getName().equals("tmp")).findFirst().orElseThrow();
            assertThat(tmp.getEmptyDir()).as("%s /tmp is an emptyDir", workload).isNotNull();
            for (Container container : pod.getContainers()) {
                var security = container.getSecurityContext();
                assertThat(security.getAllowPrivilegeEscalation()).as("%s privilege escalation", workload).isFalse();
                assertThat(security.getReadOnlyRootFilesystem()).as("%s read-only root", workload).isTrue();
                assertThat(security.getRunAsNonRoot()).isTrue();
                assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
                assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
                assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
                assertThat(container.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp") && m.getName().equals("tmp"));
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void noSelectorIncludesTheVersionLabel(Chart.Values values) {
        List<HasMetadata> objects = Chart.renderObjects(values);
        List<Map<String, String>> selectors = new ArrayList<>();
        for (Deployment deployment : Manifests.ofKind(objects, Deployment.class)) {
            selectors.add(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .as("pods carry the version for humans").containsKey(VERSION_LABEL)
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            for (TopologySpreadConstraint spread : deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()) {
                selectors.add(spread.getLabelSelector().getMatchLabels());
            }
        }
        Manifests.ofKind(objects, Service.class).forEach(s -> selectors.add(s.getSpec().getSelector()));
        Manifests.ofKind(objects, PodDisruptionBudget.class).forEach(p -> selectors.add(p.getSpec().getSelector().getMatchLabels()));
        Manifests.ofKind(objects, NetworkPolicy.class).forEach(p -> selectors.add(p.getSpec().getPodSelector().getMatchLabels()));
        Manifests.ofKind(objects, ServiceMonitor.class).forEach(m -> selectors.add(m.getSpec().getSelector().getMatchLabels()));

        assertThat(selectors).isNotEmpty().allSatisfy(selector -> assertThat(selector).doesNotContainKey(VERSION_LABEL));
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyWorkloadThatCanRunMoreThanOneReplicaHasAPodDisruptionBudget(Chart.Values values) {
        List<HasMetadata> objects = Chart.renderObjects(values);
        for (Deployment deployment : Manifests.ofKind(objects, Deployment.class)) {
            String name = deployment.getMetadata().getName();
            int maxReplicas = Manifests.ofKind(objects, HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name))
                    .map(h -> h.getSpec().getMaxReplicas()).findFirst()
                    .orElse(Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1));
            List<PodDisruptionBudget> budgets = Manifests.ofKind(objects, PodDisruptionBudget.class).stream()
                    .filter(p -> Manifests.matches(p.getSpec().getSelector(), deployment.getSpec().getTemplate().getMetadata().getLabels()))
                    .toList();
            if (maxReplicas > 1) {
                assertThat(budgets).as("%s can run %d replicas", name, maxReplicas).hasSize(1);
            } else {
                assertThat(budgets).as("%s runs one replica: a PDB would block node drains", name).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyPodIsUnderADefaultDenyPolicyForIngressAndEgress(Chart.Values values) {
        List<HasMetadata> objects = Chart.renderObjects(values);
        List<NetworkPolicy> denyAll = Manifests.ofKind(objects, NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")))
                .filter(p -> p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty())
                .toList();
        assertThat(denyAll).hasSize(1);
        Manifests.podTemplates(objects).forEach((workload, template) -> {
            Map<String, String> labels = template.getMetadata().getLabels();
            assertThat(Manifests.matches(denyAll.get(0).getSpec().getPodSelector(), labels)).as("%s under default deny", workload).isTrue();
            assertThat(Manifests.ofKind(objects, NetworkPolicy.class)).as("%s has its own allowances", workload)
                    .anyMatch(p -> p != denyAll.get(0) && Manifests.matches(p.getSpec().getPodSelector(), labels)
                            && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")));
        });
    }

    /**
     * Pod-to-pod traffic needs an egress allowance at the caller and an ingress allowance at the
     * callee; a call allowed on one side only fails at run time. Every in-namespace egress
     * allowance must be met by the target's ingress allowance for the same port.
     */
    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyPodToPodEgressAllowanceIsMatchedByTheTargetsIngressAllowance(Chart.Values values) {
        List<HasMetadata> objects = Chart.renderObjects(values);
        Map<String, PodTemplateSpec> pods = Manifests.podTemplates(objects);
        List<NetworkPolicy> policies = Manifests.ofKind(objects, NetworkPolicy.class);
        int checked = 0;
        for (var source : pods.entrySet()) {
            Map<String, String> sourceLabels = source.getValue().getMetadata().getLabels();
            for (NetworkPolicy policy : policies) {
                if (!Manifests.matches(policy.getSpec().getPodSelector(), sourceLabels)) {
                    continue;
                }
                for (NetworkPolicyEgressRule egress : policy.getSpec().getEgress()) {
                    for (NetworkPolicyPeer peer : egress.getTo()) {
                        if (peer.getPodSelector() == null || peer.getNamespaceSelector() != null) {
                            continue;
                        }
                        List<String> targets = pods.entrySet().stream()
                                .filter(p -> Manifests.matches(peer.getPodSelector(), p.getValue().getMetadata().getLabels()))
                                .map(Map.Entry::getKey).toList();
                        assertThat(targets).as("%s egress %s reaches a pod", source.getKey(), peer.getPodSelector()).isNotEmpty();
                        for (String target : targets) {
                            for (NetworkPolicyPort port : egress.getPorts()) {
                                assertThat(ingressAllows(policies, pods.get(target).getMetadata().getLabels(), sourceLabels, port.getPort()))
                                        .as("%s -> %s:%s allowed out but not in", source.getKey(), target, port.getPort().getIntVal())
                                        .isTrue();
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void onlyServicesThatUseAwsOrKafkaMayLeaveTheCluster(Chart.Values values) {
        List<HasMetadata> objects = Chart.renderObjects(values);
        NetworkPolicy gateway = Manifests.named(objects, NetworkPolicy.class, "marquee-gateway");

        assertThat(gateway.getSpec().getEgress()).flatExtracting(NetworkPolicyEgressRule::getTo)
                .as("the gateway only talks to DNS and the services").allMatch(peer -> peer.getIpBlock() == null);
        for (NetworkPolicy policy : Manifests.ofKind(objects, NetworkPolicy.class)) {
            policy.getSpec().getEgress().stream().flatMap(rule -> rule.getTo().stream())
                    .filter(peer -> peer.getIpBlock() != null && peer.getIpBlock().getCidr().equals("0.0.0.0/0"))
                    .forEach(peer -> assertThat(peer.getIpBlock().getExcept()).as(policy.getMetadata().getName())
                            .contains("169.254.169.254/32"));
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyImageIsPinnedToAVersionNeverLatest(Chart.Values values) {
        forEachContainer(values, (workload, container) -> {
            String image = container.getImage();
            String lastSegment = image.substring(image.lastIndexOf('/') + 1);
            assertThat(lastSegment).as("%s image %s has a tag", workload, image).contains(":");
            assertThat(lastSegment.substring(lastSegment.indexOf(':') + 1)).isNotBlank().isNotEqualTo("latest");
        });
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void configMapsHoldNoSecretLookingKeysOrValues(Chart.Values values) {
        List<HasMetadata> objects = Chart.renderObjects(values);
        for (ConfigMap configMap : Manifests.ofKind(objects, ConfigMap.class)) {
            Map<String, String> data = Objects.requireNonNullElse(configMap.getData(), Map.of());
            data.forEach((key, value) -> {
                boolean pathToAMountedSecret = key.matches(".*_(LOCATION|PATH|FILE)$") && value.startsWith("/");
                if (!pathToAMountedSecret) {
                    assertThat(key).as("%s key", configMap.getMetadata().getName()).doesNotMatch(SECRET_KEY);
                }
                assertThat(value).as("%s value of %s", configMap.getMetadata().getName(), key).doesNotMatch(SECRET_VALUE);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void theChartNeverRendersASecretOnlyReferencesExistingOnes(Chart.Values values) {
        assertThat(Manifests.ofKind(Chart.renderObjects(values), Secret.class)).isEmpty();
    }

    private static boolean ingressAllows(List<NetworkPolicy> policies, Map<String, String> targetLabels,
                                         Map<String, String> sourceLabels, IntOrString port) {
        return policies.stream()
                .filter(p -> Manifests.matches(p.getSpec().getPodSelector(), targetLabels))
                .flatMap(p -> p.getSpec().getIngress().stream())
                .filter(rule -> rule.getPorts().stream().anyMatch(p -> Objects.equals(p.getPort(), port)))
                .flatMap((NetworkPolicyIngressRule rule) -> rule.getFrom().stream())
                .anyMatch(peer -> peer.getNamespaceSelector() == null && Manifests.matches(peer.getPodSelector(), sourceLabels));
    }

    private static String path(Probe probe) {
        return probe.getHttpGet().getPath();
    }

    private interface ContainerCheck {
        void check(String workload, Container container);
    }

    private static void forEachContainer(Chart.Values values, ContainerCheck check) {
        Map<String, PodTemplateSpec> pods = Manifests.podTemplates(Chart.renderObjects(values));
        assertThat(pods).isNotEmpty();
        pods.forEach((workload, template) -> Stream.concat(
                template.getSpec().getContainers().stream(),
                Objects.requireNonNullElse(template.getSpec().getInitContainers(), List.<Container>of()).stream())
                .forEach(container -> check.check(workload, container)));
    }

}
