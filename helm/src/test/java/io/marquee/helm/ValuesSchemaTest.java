package io.marquee.helm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** values.schema.json turns a typo in values into a failed install instead of a silent default. */
class ValuesSchemaTest {

    @Test
    void anUnknownTopLevelKeyFailsTheRender() {
        assertThatThrownBy(() -> Chart.template(Chart.Values.DEFAULT).set("gatway.replicas", 3).call())
                .hasMessageContaining("gatway");
    }

    @Test
    void anUnknownNestedKeyFailsTheRender() {
        assertThatThrownBy(() -> Chart.template(Chart.Values.DEFAULT).set("catalogService.autoscaling.maxReplica", 3).call())
                .hasMessageContaining("maxReplica");
    }

    @Test
    void aWrongTypeFailsTheRender() {
        assertThatThrownBy(() -> Chart.template(Chart.Values.DEFAULT).set("gateway.replicas", "two").call())
                .hasMessageContaining("replicas");
    }

    @Test
    void aBooleanSwitchGivenAsTextFailsTheRender() {
        assertThatThrownBy(() -> Chart.template(Chart.Values.DEFAULT).set("networkPolicies.enabled", "yes").call())
                .hasMessageContaining("enabled");
    }

    @Test
    void theLatestTagIsRefused() {
        assertThatThrownBy(() -> Chart.template(Chart.Values.DEFAULT).set("image.tag", "latest").call())
                .hasMessageContaining("tag");
        assertThatThrownBy(() -> Chart.template(Chart.Values.DEFAULT).set("ratingService.image.tag", "latest").call())
                .hasMessageContaining("tag");
    }

    @Test
    void aMemoryLimitCannotBeLeftOut() {
        assertThatThrownBy(() -> Chart.template(Chart.Values.DEFAULT).set("userService.resources.limits.memory", "null").call())
                .hasMessageContaining("memory");
    }

    @Test
    void environmentVariableNamesMustBeUpperCase() {
        assertThatThrownBy(() -> Chart.template(Chart.Values.DEFAULT).set("gateway.env.quarkus_log_level", "DEBUG").call())
                .hasMessageContaining("quarkus_log_level");
    }

    @Test
    void aCorrectOverrideRenders() {
        assertThat(Chart.template(Chart.Values.DEFAULT).set("gateway.replicas", 3).set("gateway.autoscaling.enabled", false).call())
                .contains("replicas: 3");
    }
}
