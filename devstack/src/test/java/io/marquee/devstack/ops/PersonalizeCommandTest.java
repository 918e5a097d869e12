package io.marquee.devstack.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.devstack.launch.StackStatus;
import io.marquee.devstack.launch.Supervisor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./marquee personalize}: which stack's engines it talks to (the running stack of its home,
 * on the ports that stack was started with, or the ports of {@code --port-offset}), and that an
 * engine on this machine (this stack's, or another stack's on a shifted port) gets a placeholder
 * key, AWS the default credentials chain.
 */
class PersonalizeCommandTest {

    @TempDir
    Path home;

    /** The status file a stack started with {@code --port-offset (port - 9380)} writes in {@link #home}. */
    private void runningStackWithPersonalizeLocalOn(int port) throws IOException {
        Supervisor.Snapshot engine = new Supervisor.Snapshot("personalize-local", Supervisor.State.UP,
                ProcessHandle.current().pid(), port, 0, null, null, home.resolve("logs/personalize-local.log").toString());
        new StackStatus(ProcessHandle.current().pid(), "ready", "http://127.0.0.1:" + (port - 1300), 0L,
                List.of(engine), List.of()).writeTo(home.resolve("status.json"));
    }

    @Test
    void theRunningStackOfTheHomeIsFoundOnWhateverPortsItWasStartedWith() throws IOException {
        runningStackWithPersonalizeLocalOn(12380);
        PersonalizeCommand command = new PersonalizeCommand(home);

        assertThat(command.toolArguments(List.of("status")))
                .containsExactly("status", "--endpoint", "http://127.0.0.1:12380");
        assertThat(command.toolArguments(List.of("export", "out"))).containsExactly("export", "out",
                "--dynamodb-endpoint", "http://127.0.0.1:11000", "--kafka-bootstrap", "127.0.0.1:12092");
        assertThat(command.toolArguments(List.of("setup"))).containsExactly("setup",
                "--endpoint", "http://127.0.0.1:12380", "--data", home.resolve("data").resolve("demo").toString());
    }

    @Test
    void withoutARunningStackTheDefaultPortsAndPortOffsetSaysOtherwise(@TempDir Path other) throws IOException {
        runningStackWithPersonalizeLocalOn(12380);

        assertThat(new PersonalizeCommand(other).toolArguments(List.of("status")))
                .as("no stack runs with this home").containsExactly("status", "--endpoint", "http://127.0.0.1:9380");
        assertThat(new PersonalizeCommand(other).toolArguments(List.of("status", "--home", home.toString())))
                .as("--home names the one that runs").containsExactly("status", "--endpoint", "http://127.0.0.1:12380");
        assertThat(new PersonalizeCommand(home).toolArguments(List.of("status", "--port-offset", "100")))
                .containsExactly("status", "--endpoint", "http://127.0.0.1:9480");
        assertThat(new PersonalizeCommand(home).toolArguments(List.of("status", "--endpoint", "")))
                .as("AWS: left as given").containsExactly("status", "--endpoint", "");
    }

    @Test
    void aBadOptionIsRefusedWithWhatWasWrong() {
        PersonalizeCommand command = new PersonalizeCommand(home);

        assertThatThrownBy(() -> command.toolArguments(List.of("status", "--port-offset", "-5")))
                .hasMessageContaining("--port-offset").hasMessageContaining("-5");
        assertThatThrownBy(() -> command.toolArguments(List.of("status", "--port-offset", "lots")))
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> command.toolArguments(List.of("status", "--home")))
                .hasMessageContaining("--home needs a value");
        assertThat(command.run(List.of("status", "--port-offset", "99999"))).as("a usage error's exit code").isEqualTo(2);
    }

    @Test
    void thisStacksEngineAnotherStacksOnLoopbackAndAwsAreToldApart() {
        assertThat(PersonalizeCommand.talksToLocalEngines(List.of("status"))).as("this stack's").isTrue();
        assertThat(PersonalizeCommand.talksToLocalEngines(List.of("status", "--endpoint", "http://127.0.0.1:12380")))
                .as("another stack's, --port-offset 3000").isTrue();
        assertThat(PersonalizeCommand.talksToLocalEngines(List.of("status", "--endpoint", "http://localhost:9380/"))).isTrue();
        assertThat(PersonalizeCommand.talksToLocalEngines(List.of("status", "--endpoint", ""))).as("'' means AWS").isFalse();
        assertThat(PersonalizeCommand.talksToLocalEngines(List.of("status", "--endpoint",
                "https://personalize.eu-west-1.amazonaws.com"))).isFalse();
        assertThat(PersonalizeCommand.talksToLocalEngines(List.of("status", "--endpoint", "http://127.0.0.1.example.org")))
                .as("a host that only starts like loopback").isFalse();
        assertThat(PersonalizeCommand.talksToLocalEngines(List.of("status", "--endpoint"))).as("a value missing").isFalse();
    }

    @Test
    void exportDecidesByTheDynamoDbItReads() {
        assertThat(PersonalizeCommand.talksToLocalEngines(List.of("export", "out"))).isTrue();
        assertThat(PersonalizeCommand.talksToLocalEngines(List.of("export", "out", "--dynamodb-endpoint",
                "http://127.0.0.1:13000"))).isTrue();
        assertThat(PersonalizeCommand.talksToLocalEngines(List.of("export", "out", "--dynamodb-endpoint",
                "https://dynamodb.eu-west-1.amazonaws.com"))).isFalse();
    }
}
