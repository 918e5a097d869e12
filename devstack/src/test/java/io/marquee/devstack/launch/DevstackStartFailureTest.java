package io.marquee.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.devstack.engine.Ports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that cannot succeed must stop with the piece's name and its log, and leave nothing
 * running: no engine port held, no pid file.
 */
class DevstackStartFailureTest {

    // Shifted ports stay below Linux's ephemeral range (32768+), where a client socket could hold them.
    private static final int OFFSET = 21000;

    @TempDir
    Path root;

    @Test
    void aServiceThatDiesAtStartStopsTheStartNamingItsLogAndStopsTheEngines() throws Exception {
        Path jar = root.resolve("catalog-service/target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not a jar");
        Devstack devstack = new Devstack(options(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        assertThatThrownBy(devstack::runUntilStopped)
                .isInstanceOf(StartFailure.class)
                .hasMessageContaining("catalog-service exited with code 1")
                .hasMessageContaining(root.resolve(".marquee/logs/catalog-service.log").toString())
                .satisfies(e -> assertThat(((StartFailure) e).logTail(5)).anyMatch(l -> l.contains("jarfile")));

        assertThat(Ports.isFree(StackPorts.DYNAMODB + OFFSET)).as("DynamoDB stopped").isTrue();
        assertThat(Ports.isFree(StackPorts.KAFKA + OFFSET)).as("Kafka stopped").isTrue();
        assertThat(root.resolve(".marquee/devstack.pid")).doesNotExist();
    }

    @Test
    void aModuleThatWasNeverBuiltIsNamedBeforeAnythingStarts() {
        root.resolve("gateway").toFile().mkdirs();
        Devstack devstack = new Devstack(options(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        assertThatThrownBy(devstack::runUntilStopped)
                .isInstanceOf(StartFailure.class)
                .hasMessageContaining("gateway not built");
        assertThat(root.resolve(".marquee/devstack.pid")).doesNotExist();
    }

    private DevstackOptions options() {
        StackLayout layout = new StackLayout(root, root.resolve(".marquee"), root.resolve(".marquee/data"));
        return new DevstackOptions(layout, true, new StackPorts(OFFSET), 1L, null, false,
                Duration.ofSeconds(60), DevstackOptions.DEFAULT_SERVICE_JAVA_OPTIONS);
    }
}
