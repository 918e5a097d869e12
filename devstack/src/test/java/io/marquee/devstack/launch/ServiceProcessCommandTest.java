package io.marquee.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a child's command line is made: background children go behind {@code nice} where the system has it. */
class ServiceProcessCommandTest {

    private static final Path JAR = Path.of("/checkout/personalize-local/server/target/quarkus-app/quarkus-run.jar");
    private static final Optional<Path> NICE = Optional.of(Path.of("/usr/bin/nice"));

    @Test
    void aNicedChildStartsBehindNiceWithItsNiceness() {
        List<String> command = ServiceProcess.command(JAR, List.of("-Xmx2g"), 10, NICE);

        assertThat(command).startsWith("/usr/bin/nice", "-n", "10");
        assertThat(command.subList(3, command.size())).endsWith("-Xmx2g", "-jar", JAR.toString());
        assertThat(command.get(3)).endsWith("java");
    }

    @Test
    void aChildAtTheLaunchersPriorityStartsTheJvmItself() {
        assertThat(ServiceProcess.command(JAR, List.of("-Xmx2g"), 0, NICE).get(0)).endsWith("java");
    }

    @Test
    void withoutNiceOnTheSystemANicedChildStillStartsAtTheLaunchersPriority() {
        List<String> command = ServiceProcess.command(JAR, List.of(), 10, Optional.empty());

        assertThat(command.get(0)).endsWith("java");
        assertThat(command).endsWith("-jar", JAR.toString());
    }

    @Test
    void aNicenessOutsideWhatTheSystemAllowsIsRefused() {
        assertThatThrownBy(() -> new ChildSpec("x", JAR, 1, 1, Path.of("x.log"), List.of(), Map.of(), 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..19");
    }
}
