package io.marquee.helm;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartLintAndRenderTest {

    static final List<String> SERVICES = List.of("gateway", "user-service", "catalog-service", "rating-service",
            "recommendation-service", "event-ingest-service");

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void lintStrictPassesWithoutWarningsOrErrors(Chart.Values values) {
        LintResult result = Chart.lint(values);

        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    @ParameterizedTest
    @EnumSource(Chart.Values.class)
    void everyRenderedDocumentIsATypedKubernetesObjectWithoutUnknownFields(Chart.Values values) {
        List<HasMetadata> objects = Chart.renderObjects(values);

        assertThat(objects).isNotEmpty();
        assertThat(Manifests.ofKind(objects, Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsAll(SERVICES.stream().map(s -> "marquee-" + s).toList());
    }

    @Test
    void aFieldKubernetesDoesNotKnowIsRefusedByTheParser() {
        String typo = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: broken
                spec:
                  replica: 2
                  selector:
                    matchLabels: {app: x}
                  template:
                    metadata:
                      labels: {app: x}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                """;

        assertThatThrownBy(() -> Chart.parse(typo)).hasMessageContaining("replica");
    }

    @Test
    void aFieldNestedDeepInAPodSpecIsRefusedToo() {
        String typo = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: broken
                spec:
                  containers:
                    - name: x
                      image: x:1
                      securityContext:
                        readOnlyRootFilesytem: true
                """;

        assertThatThrownBy(() -> Chart.parse(typo)).hasMessageContaining("readOnlyRootFilesytem");
    }

    @Test
    void theDevDependenciesPodRunsOnlyWithTheKindValues() {
        assertThat(Chart.render(Chart.Values.KIND)).contains("name: marquee-dev-dependencies");
        assertThat(Chart.render(Chart.Values.DEFAULT)).doesNotContain("dev-dependencies");
        assertThat(Chart.render(Chart.Values.EKS)).doesNotContain("dev-dependencies");
    }
}
