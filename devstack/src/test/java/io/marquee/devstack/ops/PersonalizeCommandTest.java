package io.marquee.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./marquee personalize}: an engine on this machine (this stack's, or another stack's on a
 * shifted port) gets a placeholder key, AWS the default credentials chain.
 */
class PersonalizeCommandTest {

    @Test
    void thisStacksEngineAnotherStacksOnLoopbackAndAwsAreToldApart() {
        assertThat(DevstackMain.talksToLocalEngines(List.of("status"))).as("this stack's").isTrue();
        assertThat(DevstackMain.talksToLocalEngines(List.of("status", "--endpoint", "http://127.0.0.1:12380")))
                .as("another stack's, --port-offset 3000").isTrue();
        assertThat(DevstackMain.talksToLocalEngines(List.of("status", "--endpoint", "http://localhost:9380/"))).isTrue();
        assertThat(DevstackMain.talksToLocalEngines(List.of("status", "--endpoint", ""))).as("'' means AWS").isFalse();
        assertThat(DevstackMain.talksToLocalEngines(List.of("status", "--endpoint",
                "https://personalize.eu-west-1.amazonaws.com"))).isFalse();
        assertThat(DevstackMain.talksToLocalEngines(List.of("status", "--endpoint", "http://127.0.0.1.example.org")))
                .as("a host that only starts like loopback").isFalse();
        assertThat(DevstackMain.talksToLocalEngines(List.of("status", "--endpoint"))).as("a value missing").isFalse();
    }

    @Test
    void exportDecidesByTheDynamoDbItReads() {
        assertThat(DevstackMain.talksToLocalEngines(List.of("export", "out"))).isTrue();
        assertThat(DevstackMain.talksToLocalEngines(List.of("export", "out", "--dynamodb-endpoint",
                "http://127.0.0.1:13000"))).isTrue();
        assertThat(DevstackMain.talksToLocalEngines(List.of("export", "out", "--dynamodb-endpoint",
                "https://dynamodb.eu-west-1.amazonaws.com"))).isFalse();
    }
}
