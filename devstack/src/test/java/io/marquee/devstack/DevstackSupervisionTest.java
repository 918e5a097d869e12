package io.marquee.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.devstack.engine.Ports;
import io.marquee.devstack.launch.Devstack;
import io.marquee.devstack.launch.DevstackOptions;
import io.marquee.devstack.launch.FakeServiceJar;
import io.marquee.devstack.launch.ServiceSpec;
import io.marquee.devstack.launch.StackLayout;
import io.marquee.devstack.launch.StackPorts;
import io.marquee.devstack.launch.StackStatus;
import io.marquee.devstack.launch.Supervisor;
import io.marquee.common.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole launcher, its engines real and its one service a stand-in JVM ({@code gateway} here):
 * {@code ./marquee status} reports every piece; a service killed by hand is seen and started
 * again without stopping the stack; stopping returns only when everything is gone. The status asks
 * Kafka for consumers' progress only once the stack is ready.
 */
class DevstackSupervisionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Another worktree may run this test at the same time: each run takes an offset whose ports are free. */
    private static final int OFFSET = freeOffset();

    @TempDir
    Path root;

    @Test
    void aServiceKilledByHandIsSeenInTheStatusAndStartedAgainWhileTheStackRuns() throws Exception {
        FakeServiceJar.writeTo(root.resolve("gateway/target/quarkus-app/quarkus-run.jar"));
        StackLayout layout = new StackLayout(root, root.resolve(".marquee"), root.resolve(".marquee/data"));
        DevstackOptions options = new DevstackOptions(layout, true, new StackPorts(OFFSET), 1L, null, false,
                Duration.ofSeconds(60), DevstackOptions.DEFAULT_SERVICE_JAVA_OPTIONS);
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        Devstack devstack = new Devstack(options, new PrintStream(terminal, true, StandardCharsets.UTF_8));
        Thread up = startInBackground(devstack);
        try {
            StackStatus ready = await(layout, s -> "ready".equals(s.phase()));
            assertThat(ready.pieces()).extracting(Supervisor.Snapshot::name)
                    .containsExactly("dynamodb-local", "kafka", "gateway");
            assertThat(status(layout)).isZero();
            assertThat(lastStatusOutput).contains("gateway", "up", "all 3 pieces up");

            long pid = piece(ready, "gateway").pid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            StackStatus again = await(layout, s -> piece(s, "gateway").restarts() == 1
                    && piece(s, "gateway").state() == Supervisor.State.UP);
            assertThat(piece(again, "gateway").pid()).isNotEqualTo(pid);
            assertThat(piece(again, "gateway").lastExit()).startsWith("exit 137");
            assertThat(status(layout)).isZero();
            assertThat(lastStatusOutput).containsPattern("gateway +up +\\d+ +" + (8080 + OFFSET) + " +1 ");
            assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("gateway is ready again (restart 1)");
        } finally {
            devstack.stopAll();
            up.join(PATIENCE.toMillis());
        }
        assertThat(Ports.isFree(8080 + OFFSET)).as("gateway port").isTrue();
        assertThat(Ports.isFree(8180 + OFFSET)).as("gateway management port").isTrue();
        assertThat(Ports.isFree(StackPorts.KAFKA + OFFSET)).as("Kafka port").isTrue();
        assertThat(layout.statusFile()).doesNotExist();
        assertThat(status(layout)).as("not running").isEqualTo(3);
    }

    @Test
    void consumersProgressIsAskedOfKafkaOnlyOnceTheStackIsReady() throws Exception {
        FakeServiceJar.writeTo(root.resolve("gateway/target/quarkus-app/quarkus-run.jar"));
        StackLayout layout = new StackLayout(root, root.resolve(".marquee"), root.resolve(".marquee/data"));
        // The gateway is not ready for its first 8 s: several status rounds (every 3 s) pass before READY.
        DevstackOptions options = new DevstackOptions(layout, true, new StackPorts(OFFSET), 1L, null, false,
                Duration.ofSeconds(60), DevstackOptions.DEFAULT_SERVICE_JAVA_OPTIONS, null,
                Map.of("gateway", List.of("-Dfake.ready-after-seconds=8")));
        Devstack devstack = new Devstack(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Thread up = startInBackground(devstack);
        try {
            await(layout, s -> s.pieces().stream().anyMatch(p -> p.name().equals("kafka")));
            // A consumer group with a committed offset: the status lists it as "consumer early-reader".
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + (StackPorts.KAFKA + OFFSET),
                    ConsumerConfig.GROUP_ID_CONFIG, "early-reader"), new StringDeserializer(), new StringDeserializer())) {
                TopicPartition partition = new TopicPartition(Topics.RATINGS, 0);
                consumer.assign(List.of(partition));
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0)));
            }
            List<StackStatus> beforeReady = new ArrayList<>();
            await(layout, s -> {
                if (!"ready".equals(s.phase())) {
                    beforeReady.add(s);
                }
                return "ready".equals(s.phase());
            });
            StackStatus reported = await(layout, s -> s.background().stream()
                    .anyMatch(b -> b.name().equals("consumer early-reader")));

            assertThat(beforeReady).as("statuses written while starting").isNotEmpty();
            assertThat(beforeReady).allSatisfy(s -> assertThat(s.background())
                    .noneMatch(b -> b.name().startsWith("consumer ")));
            assertThat(reported.phase()).isEqualTo("ready");
        } finally {
            devstack.stopAll();
            up.join(PATIENCE.toMillis());
        }
    }

    private String lastStatusOutput = "";
    /** Why the launcher did not start, if it did not: the test says so at once instead of waiting. */
    private final AtomicReference<Exception> startFailure = new AtomicReference<>();

    /** Runs the stack on its own thread until stopped; a failure to start is kept for {@link #await}. */
    private Thread startInBackground(Devstack devstack) {
        Thread up = new Thread(() -> {
            try {
                devstack.runUntilStopped();
            } catch (Exception e) {
                startFailure.set(e);
            }
        });
        up.start();
        return up;
    }

    /**
     * An offset below Linux's ephemeral range whose five ports (DynamoDB, gateway and its management
     * port, Kafka and its controller) are free now, away from the other launcher tests' fixed offsets (21000) and the
     * e2e suite's default (20000).
     */
    private static int freeOffset() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = 21_100 + ThreadLocalRandom.current().nextInt(240) * 10;
            if (IntStream.of(StackPorts.DYNAMODB, StackPorts.GATEWAY, StackPorts.GATEWAY + ServiceSpec.MANAGEMENT_PORT_OFFSET,
                            StackPorts.KAFKA, StackPorts.KAFKA_CONTROLLER)
                    .allMatch(port -> Ports.isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("no port offset with free ports found");
    }

    /** {@code ./marquee status --home ...}: its exit code; its output in {@link #lastStatusOutput}. */
    private int status(StackLayout layout) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return DevstackMain.run(new String[] {"status", "--home", layout.home().toString(),
                    "--root", layout.root().toString()});
        } finally {
            System.setOut(original);
            lastStatusOutput = captured.toString(StandardCharsets.UTF_8);
        }
    }

    private static Supervisor.Snapshot piece(StackStatus status, String name) {
        return status.pieces().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private StackStatus await(StackLayout layout, Predicate<StackStatus> condition) throws Exception {
        Callable<Optional<StackStatus>> read = () -> StackStatus.readFrom(layout.statusFile());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Optional<StackStatus> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            if (startFailure.get() != null) {
                throw new AssertionError("the devstack did not start", startFailure.get());
            }
            last = read.call();
            if (last.isPresent() && condition.test(last.get())) {
                return last.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the status never got there; last: " + last);
    }
}
