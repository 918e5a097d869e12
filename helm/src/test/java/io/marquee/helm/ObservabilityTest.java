package io.marquee.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Monitoring as the EKS values switch it on: scrape targets, alerts with runbooks, the dashboard. */
class ObservabilityTest {

    private final List<HasMetadata> objects = Chart.renderObjects(Chart.Values.EKS);

    @Test
    void everyServiceIsScrapedOnQuarkusMetricsThroughItsServicesManagementPort() {
        for (String service : ChartLintAndRenderTest.SERVICES) {
            ServiceMonitor monitor = Manifests.named(objects, ServiceMonitor.class, "marquee-" + service);
            Service target = Manifests.named(objects, Service.class, "marquee-" + service);

            assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
                assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
                assertThat(endpoint.getPort()).isEqualTo("management");
                assertThat(target.getSpec().getPorts()).anySatisfy(p -> {
                    assertThat(p.getName()).isEqualTo("management");
                    assertThat(p.getTargetPort().getStrVal()).isEqualTo("management");
                });
            });
            assertThat(Manifests.matches(monitor.getSpec().getSelector(), target.getMetadata().getLabels())).isTrue();
        }
    }

    @Test
    void theAlertsCoverErrorsLatencyRelayLagDeadLettersAndRestarts() {
        assertThat(rules()).extracting(Rule::getAlert).containsExactlyInAnyOrder(
                "MarqueeHighErrorRate", "MarqueeHighLatencyP99", "MarqueeRelayLagHigh",
                "MarqueeDeadLetterGrowing", "MarqueePodRestarting");
        assertThat(rule("MarqueeHighErrorRate").getExpr().getStrVal()).contains("status=~\"5..\"");
        assertThat(rule("MarqueeHighLatencyP99").getExpr().getStrVal())
                .contains("histogram_quantile(0.99").contains("http_server_requests_seconds_bucket");
    }

    @Test
    void everyAlertLinksToItsRunbookSectionInTheOperationsGuide() throws IOException {
        Set<String> anchors = Files.readAllLines(Chart.REPO_ROOT.resolve("docs/operations.md")).stream()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
        for (Rule rule : rules()) {
            String url = rule.getAnnotations().get("runbook_url");
            assertThat(url).as(rule.getAlert()).contains("docs/operations.md#");
            assertThat(anchors).as("runbook for %s", rule.getAlert()).contains(url.substring(url.indexOf('#') + 1));
            assertThat(rule.getLabels()).containsKey("severity");
        }
    }

    @Test
    void theDashboardIsValidJsonLabelledForGrafanasSidecarAndChartsTheAlertedMetrics() throws IOException {
        ConfigMap dashboard = Manifests.named(objects, ConfigMap.class, "marquee-grafana-dashboard");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");

        JsonNode json = new ObjectMapper().readTree(dashboard.getData().get("marquee.json"));
        String expressions = json.findValues("expr").stream().map(JsonNode::asText).collect(Collectors.joining("\n"));
        assertThat(expressions).contains("http_server_requests_seconds_bucket", "marquee_ingest_relay_lag_seconds",
                "marquee_ingest_dlq_events_total", "kube_pod_container_status_restarts_total");
    }

    /**
     * An alert or panel on a metric nothing emits never fires and shows nothing: every metric named
     * is Quarkus' HTTP or JVM metrics, kube-state-metrics', or registered by a service's own code
     * (its Micrometer name, dotted, in a module's src/main).
     */
    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsEmittedBySomething() throws IOException {
        String expressions = rules().stream().map(r -> r.getExpr().getStrVal()).collect(Collectors.joining("\n"))
                + new ObjectMapper().readTree(Manifests.named(objects, ConfigMap.class, "marquee-grafana-dashboard")
                        .getData().get("marquee.json")).findValues("expr").stream().map(JsonNode::asText)
                        .collect(Collectors.joining("\n"));
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b([a-z][a-z0-9_]*)\\{").matcher(expressions);
        String code = serviceSources();
        int checked = 0;
        while (names.find()) {
            String metric = names.group(1);
            if (metric.startsWith("http_server_requests_") || metric.startsWith("jvm_") || metric.startsWith("kube_")) {
                checked++;
                continue;
            }
            String dotted = metric.replaceAll("_(seconds|total|bytes)(_count|_bucket|_sum)?$", "").replace('_', '.');
            assertThat(code).as("a service registers %s (%s)", metric, dotted).contains("\"" + dotted);
            checked++;
        }
        assertThat(checked).isGreaterThan(3);
    }

    private static String serviceSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var modules = Files.list(Chart.REPO_ROOT)) {
            for (java.nio.file.Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (var files = Files.walk(module.resolve("src/main/java"))) {
                    for (java.nio.file.Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        all.append(Files.readString(f)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    @Test
    void prometheusMayScrapeEveryServiceThroughTheNetworkPolicies() {
        String rendered = Chart.render(Chart.Values.EKS);
        long scrapeAllowances = rendered.lines().filter(l -> l.contains("# Prometheus scraping /q/metrics on the management port.")).count();
        assertThat(scrapeAllowances).isEqualTo(Manifests.ofKind(objects, Deployment.class).size());
    }

    private List<Rule> rules() {
        return Manifests.ofKind(objects, PrometheusRule.class).stream()
                .flatMap(r -> r.getSpec().getGroups().stream())
                .flatMap(g -> g.getRules().stream()).toList();
    }

    private Rule rule(String alert) {
        return rules().stream().filter(r -> alert.equals(r.getAlert())).findFirst().orElseThrow();
    }
}
