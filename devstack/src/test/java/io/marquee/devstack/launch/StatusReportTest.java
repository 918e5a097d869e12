package io.marquee.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@code ./marquee status} prints and the exit code it gives, from a launcher's status file. */
class StatusReportTest {

    private static final long NOW = 1_800_000_000_000L;

    private static Supervisor.Snapshot piece(String name, Supervisor.State state, long pid, int restarts, String lastError) {
        return new Supervisor.Snapshot(name, state, pid, 9380, restarts, restarts > 0 ? "exit 3 at 2027-01-15T08:00:00Z" : null,
                lastError, "/logs/" + name + ".log");
    }

    private static StackStatus status(List<Supervisor.Snapshot> pieces) {
        return new StackStatus(1, "ready", "http://127.0.0.1:8080", NOW - 1_000, pieces, List.of(
                new StackStatus.Background("personalize-local setup", "running",
                        "training marquee-similar-items (1 of 5 campaigns active)"),
                new StackStatus.Background("consumer catalog-service", "running",
                        "120,345 of 254,027 events (47%), 133,682 behind")));
    }

    @Test
    void everyPieceUpExitsZeroAndShowsRestartsLastErrorsAndBackgroundProgress() {
        StatusReport report = new StatusReport(status(List.of(
                piece("kafka", Supervisor.State.UP, 1, 0, null),
                piece("personalize-local", Supervisor.State.UP, 20, 1,
                        "Terminating due to java.lang.OutOfMemoryError: Java heap space"))), pid -> true);

        assertThat(report.exitCode()).isZero();
        List<String> lines = report.lines(NOW);
        assertThat(lines).anyMatch(l -> l.matches(" +personalize-local +up +20 +9380 +1 +Terminating due to "
                + "java.lang.OutOfMemoryError: Java heap space +\\(exit 3 at 2027-01-15T08:00:00Z\\)"));
        assertThat(lines).anyMatch(l -> l.contains("personalize-local setup") && l.contains("1 of 5 campaigns active"));
        assertThat(lines).anyMatch(l -> l.contains("consumer catalog-service") && l.contains("(47%)"));
        assertThat(lines).last().isEqualTo("[devstack] all 2 pieces up");
    }

    @Test
    void aPieceThatIsDownOrStartingExitsNonZeroAndIsNamed() {
        StatusReport report = new StatusReport(status(List.of(
                piece("kafka", Supervisor.State.UP, 1, 0, null),
                piece("catalog-service", Supervisor.State.DOWN, 30, 2, "ERROR boom"),
                piece("gateway", Supervisor.State.STARTING, 31, 0, null))), pid -> true);

        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.lines(NOW)).last().isEqualTo("[devstack] not up: catalog-service, gateway");
    }

    @Test
    void aPieceWhoseProcessIsGoneIsDownEvenBeforeTheLauncherNoticed() {
        Set<Long> alive = Set.of(1L);
        StatusReport report = new StatusReport(status(List.of(
                piece("kafka", Supervisor.State.UP, 1, 0, null),
                piece("personalize-local", Supervisor.State.UP, 20, 0, null))), alive::contains);

        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.notUp()).containsExactly("personalize-local");
        assertThat(report.lines(NOW)).anyMatch(l -> l.matches(" +personalize-local +down +20 .*"));
    }

    @Test
    void aStatusFileTheLauncherStoppedWritingIsFlagged() {
        StatusReport report = new StatusReport(status(List.of(piece("kafka", Supervisor.State.UP, 1, 0, null))), pid -> true);

        assertThat(report.lines(NOW + 60_000).get(0)).contains("status written 61 s ago: the launcher may be stuck");
    }
}
