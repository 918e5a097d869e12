package io.marquee.devstack.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * {@code ./marquee status} in words: each piece (state, pid, port, restarts, last error line of its
 * log) and the background work with its progress. A piece counts as down when the launcher says
 * so or when its process is gone, even if the launcher has not noticed yet.
 */
public final class StatusReport {

    /** Older than this, the status file is suspect: the launcher rewrites it every few seconds. */
    static final long STALE_MILLIS = 30_000;

    private final StackStatus status;
    private final List<Supervisor.Snapshot> pieces;

    /**
     * @param alive whether a pid is a live process (ProcessHandle in production, anything in tests)
     */
    public StatusReport(StackStatus status, LongPredicate alive) {
        this.status = status;
        this.pieces = status.pieces().stream()
                .map(p -> p.state() != Supervisor.State.STOPPED && p.pid() > 0 && !alive.test(p.pid())
                        ? new Supervisor.Snapshot(p.name(), Supervisor.State.DOWN, p.pid(), p.port(), p.restarts(),
                                p.lastExit(), p.lastError(), p.log())
                        : p)
                .toList();
    }

    /** The pieces that are not up (down, starting, unready, stopped). */
    public List<String> notUp() {
        return pieces.stream().filter(p -> p.state() != Supervisor.State.UP).map(Supervisor.Snapshot::name).toList();
    }

    /** 0 when every piece is up, 1 otherwise. */
    public int exitCode() {
        return notUp().isEmpty() && !pieces.isEmpty() ? 0 : 1;
    }

    public List<String> lines(long nowMillis) {
        List<String> lines = new ArrayList<>();
        long age = Math.max(0, nowMillis - status.updatedAt());
        lines.add("[devstack] " + status.phase() + ", launcher pid " + status.launcherPid()
                + (status.gateway() == null ? "" : ", gateway " + status.gateway())
                + (age > STALE_MILLIS ? " (status written " + age / 1000 + " s ago: the launcher may be stuck)" : ""));
        lines.add(String.format("  %-24s %-9s %-8s %-6s %-9s %s", "PIECE", "STATE", "PID", "PORT", "RESTARTS",
                "LAST ERROR"));
        for (Supervisor.Snapshot p : pieces) {
            String error = p.lastError() == null ? "" : p.lastError();
            if (p.lastExit() != null) {
                error = error.isEmpty() ? "(" + p.lastExit() + ")" : error + "  (" + p.lastExit() + ")";
            }
            lines.add(String.format("  %-24s %-9s %-8s %-6d %-9d %s", p.name(), p.state().label(),
                    p.pid() > 0 ? Long.toString(p.pid()) : "-", p.port(), p.restarts(), error).stripTrailing());
        }
        if (!status.background().isEmpty()) {
            lines.add("  BACKGROUND");
            for (StackStatus.Background b : status.background()) {
                lines.add(String.format("  %-32s %-8s %s", b.name(), b.state(), b.detail() == null ? "" : b.detail())
                        .stripTrailing());
            }
        }
        List<String> down = notUp();
        lines.add(down.isEmpty() ? "[devstack] all " + pieces.size() + " pieces up"
                : "[devstack] not up: " + String.join(", ", down));
        return lines;
    }
}
