package io.marquee.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.devstack.engine.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's watch over its children, with real child JVMs ({@link FakeService}): one that
 * dies, however, is started again on its port and counted; one that stops answering its liveness
 * check is replaced; stopping returns only when every child is gone, even one slow to stop.
 */
class SupervisorTest {

    /** Free when the class starts: another worktree may run these tests at the same time. */
    private static final int PORT = Ports.free();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static Path jar;

    private final List<String> said = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;

    @BeforeAll
    static void buildTheFakeServiceJar() throws IOException {
        jar = FakeServiceJar.writeTo(dir.resolve("fake/quarkus-run.jar"));
    }

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.stopAll(Duration.ofSeconds(5));
        }
    }

    private Supervisor supervisor(int livenessFailures) {
        Supervisor.Policy quick = new Supervisor.Policy(Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofMillis(200), livenessFailures, Duration.ofSeconds(30));
        supervisor = new Supervisor(quick, said::add, () -> { });
        return supervisor;
    }

    private ChildSpec spec(String name, Map<String, String> env) {
        return new ChildSpec(name, jar, PORT, dir.resolve(name + ".log"), List.of("-Xmx32m"), env);
    }

    @Test
    void aChildThatDiesIsStartedAgainOnItsPortAndItsRestartAndLastErrorAreReported() throws Exception {
        Supervisor.Child child = supervisor(100).start(spec("crashing-service", Map.of()));
        child.awaitReady(PATIENCE);
        long firstPid = child.process().pid();

        assertThat(get("/crash")).as("the crash ends the request").isEqualTo(-1);

        Supervisor.Snapshot after = awaitSnapshot("crashing-service", s -> s.restarts() == 1 && s.state() == Supervisor.State.UP);
        assertThat(after.pid()).isNotEqualTo(firstPid);
        assertThat(after.lastExit()).startsWith("exit 3");
        assertThat(after.lastError()).contains("ERROR [fake] simulated crash");
        assertThat(get("/q/health/ready")).isEqualTo(200);
        assertThat(said).anyMatch(l -> l.contains("crashing-service exited with code 3; restarting it"));
    }

    @Test
    void aChildKilledFromOutsideIsStartedAgainToo() throws Exception {
        Supervisor.Child child = supervisor(100).start(spec("killed-service", Map.of()));
        child.awaitReady(PATIENCE);

        ProcessHandle.of(child.process().pid()).orElseThrow().destroyForcibly();

        Supervisor.Snapshot after = awaitSnapshot("killed-service", s -> s.restarts() == 1 && s.state() == Supervisor.State.UP);
        assertThat(after.lastExit()).startsWith("exit 137");
        assertThat(get("/q/health/ready")).isEqualTo(200);
    }

    @Test
    void aChildThatStopsAnsweringItsLivenessCheckIsReplaced() throws Exception {
        Supervisor.Child child = supervisor(3).start(spec("hung-service", Map.of("FAKE_LIVE", "503")));
        child.awaitReady(PATIENCE);

        Supervisor.Snapshot after = awaitSnapshot("hung-service", s -> s.restarts() >= 1);
        assertThat(after.lastError()).contains("liveness check failed 3 times in a row");
    }

    @Test
    void stoppingReturnsOnlyWhenEveryChildIsGoneEvenOneSlowToStop() throws Exception {
        Supervisor.Child child = supervisor(100).start(spec("slow-to-stop", Map.of("FAKE_STOP_SECONDS", "120")));
        child.awaitReady(PATIENCE);
        ProcessHandle process = ProcessHandle.of(child.process().pid()).orElseThrow();

        supervisor.stopAll(Duration.ofSeconds(1));

        assertThat(process.isAlive()).isFalse();
        assertThat(Ports.isFree(PORT)).isTrue();
        assertThat(supervisor.snapshot()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(Supervisor.State.STOPPED);
            assertThat(s.restarts()).isZero();
        });
    }

    @Test
    void restartsBackOffFromTheFirstDelayDoublingUpToTheLongest() {
        Supervisor.Policy policy = Supervisor.Policy.standard(Duration.ofSeconds(120));
        List<Long> seconds = new ArrayList<>();
        for (int failures = 0; failures < 8; failures++) {
            seconds.add(policy.delayAfter(failures).toSeconds());
        }
        assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    private Supervisor.Snapshot awaitSnapshot(String name, Predicate<Supervisor.Snapshot> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Supervisor.Snapshot last = null;
        while (System.nanoTime() < deadline) {
            last = supervisor.snapshot().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never reached the expected state; last: " + last + "; said: " + said
                + "; log: " + readLog(name));
    }

    private static String readLog(String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The status of a GET to the child, or -1 if the connection broke. */
    private static int get(String path) throws InterruptedException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }
}
