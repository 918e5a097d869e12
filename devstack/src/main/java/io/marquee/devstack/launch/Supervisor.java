package io.marquee.devstack.launch;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches every child JVM the launcher started. A child that dies after it was once ready is
 * started again the same way, after a back-off that doubles while it keeps dying (and starts
 * over once it stayed up a while); one that stops answering its liveness check for long enough
 * is killed and so replaced. A child that dies before it was ever ready is not restarted: the
 * start fails, naming it (a broken jar does not mend itself). Generic over whatever list of
 * children the launcher starts.
 */
public final class Supervisor {

    /** What {@code ./marquee status} says of a piece. */
    public enum State {
        /** started, not ready yet */
        STARTING,
        /** alive and its readiness check answers */
        UP,
        /** alive, but its readiness check does not answer */
        UNREADY,
        /** exited; a restart is pending (or, before it was ever ready, the start fails) */
        DOWN,
        /** stopped by {@code ./marquee down} */
        STOPPED;

        public String label() {
            return name().toLowerCase();
        }
    }

    /**
     * How restarts are paced and hangs detected.
     *
     * @param firstDelay       wait before the first restart
     * @param maxDelay         the doubling stops here
     * @param stableAfter      a child that stayed up this long starts over at {@code firstDelay}
     * @param checkEvery       how often liveness and readiness are probed
     * @param livenessFailures consecutive failed liveness probes that get a child killed and replaced
     * @param readyTimeout     how long a restarted child may take to become ready before it is replaced
     */
    public record Policy(Duration firstDelay, Duration maxDelay, Duration stableAfter, Duration checkEvery,
                         int livenessFailures, Duration readyTimeout) {

        public static Policy standard(Duration readyTimeout) {
            return new Policy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60),
                    Duration.ofSeconds(5), 6, readyTimeout);
        }

        Duration delayAfter(int consecutiveFailures) {
            long millis = firstDelay.toMillis() << Math.min(consecutiveFailures, 16);
            return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
        }
    }

    /** One piece as {@code ./marquee status} shows it. */
    public record Snapshot(String name, State state, long pid, int port, int restarts, String lastExit,
                           String lastError, String log) {
    }

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Policy policy;
    private final Consumer<String> say;
    private final Runnable changed;
    private final List<Child> children = new CopyOnWriteArrayList<>();
    /** Exit handling, back-off timers and health checks: short tasks only. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "devstack-supervisor"));
    /** Restarts, which wait for readiness, each on its own thread. */
    private final ExecutorService restarts = Executors.newCachedThreadPool(r -> daemon(r, "devstack-restart"));
    private boolean stopping;

    /**
     * @param say     where a restart is announced (the launcher's terminal)
     * @param changed called after a piece changed state (the launcher rewrites its status file)
     */
    public Supervisor(Policy policy, Consumer<String> say, Runnable changed) {
        this.policy = policy;
        this.say = say;
        this.changed = changed;
        long every = policy.checkEvery().toMillis();
        timer.scheduleWithFixedDelay(this::checkHealth, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a child and watches it from now on; the caller awaits its first readiness with
     * {@link Child#awaitReady}.
     */
    public synchronized Child start(ChildSpec spec) throws IOException {
        if (stopping) {
            throw new IllegalStateException("the devstack is stopping; not starting " + spec.name());
        }
        Child child = new Child(spec);
        children.add(child);
        child.launch();
        return child;
    }

    /** Every piece, in start order. */
    public List<Snapshot> snapshot() {
        return children.stream().map(Child::snapshot).toList();
    }

    /**
     * Stops every child (SIGTERM, then SIGKILL after {@code grace}), all at once, and returns only
     * when every one of them is gone; nothing is restarted from here on.
     */
    public void stopAll(Duration grace) {
        synchronized (this) {
            stopping = true;
        }
        timer.shutdownNow();
        restarts.shutdownNow();
        List<Thread> stoppers = new ArrayList<>();
        for (Child child : children) {
            Thread t = new Thread(() -> child.stop(grace), "stop-" + child.spec.name());
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true; // finish stopping first: a half-stopped stack holds ports
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether a running child has no class archive of its build yet. */
    public boolean needsClassArchives() {
        return children.stream().map(c -> c.process).anyMatch(p -> p != null && p.needsClassArchive());
    }

    /**
     * Has each running child without a class archive write one, two at a time (a dump is one
     * thread's work, and each child pauses while it writes), within {@code budget} in all; returns
     * how many children have one now. See {@link ClassArchive}.
     */
    public int recordClassArchives(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        ExecutorService dumps = Executors.newFixedThreadPool(2, r -> daemon(r, "devstack-class-archive"));
        try {
            List<java.util.concurrent.Future<Boolean>> recorded = new ArrayList<>();
            for (Child child : children) {
                recorded.add(dumps.submit(() -> {
                    ServiceProcess current = child.process;
                    Duration left = Duration.ofNanos(deadline - System.nanoTime());
                    return current != null && child.state == State.UP && !left.isNegative()
                            && current.recordClassArchive(left);
                }));
            }
            int archived = 0;
            for (java.util.concurrent.Future<Boolean> r : recorded) {
                try {
                    archived += r.get() ? 1 : 0;
                } catch (java.util.concurrent.ExecutionException e) {
                    // that child has none; the next stop tries again
                }
            }
            return archived;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            dumps.shutdownNow();
        }
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private void checkHealth() {
        for (Child child : children) {
            try {
                child.check();
            } catch (RuntimeException e) {
                say.accept("health check of " + child.spec.name() + " failed: " + e);
            }
        }
    }

    /** One supervised piece: the process currently running it and what happened to it. */
    public final class Child {

        private final ChildSpec spec;
        private volatile ServiceProcess process;
        private volatile State state = State.STARTING;
        private volatile boolean everReady;
        private volatile int restartCount;
        private volatile int consecutiveFailures;
        private volatile int livenessFailures;
        private volatile Instant startedAt;
        private volatile String lastExit;
        private volatile String lastError;
        /** Why the supervisor itself killed the process, if it did: said instead of its log's last error. */
        private volatile String killedFor;

        private Child(ChildSpec spec) {
            this.spec = spec;
        }

        public String name() {
            return spec.name();
        }

        public ServiceProcess process() {
            return process;
        }

        /**
         * Waits for the first readiness of the process started last (see
         * {@link ServiceProcess#awaitReady}); from then on a death means a restart.
         */
        public void awaitReady(Duration timeout) throws InterruptedException {
            ServiceProcess current = process;
            current.awaitReady(timeout);
            becameReady(current);
        }

        /** Starts (or starts again) the process; the caller holds the supervisor's lock. */
        private void launch() throws IOException {
            ServiceProcess started = spec.start();
            process = started;
            startedAt = Instant.now();
            livenessFailures = 0;
            state = State.STARTING;
            started.onExit().thenRun(() -> {
                try {
                    timer.execute(() -> exited(started));
                } catch (RejectedExecutionException stopping) {
                    // stopped on purpose
                }
            });
            changed.run();
        }

        private void becameReady(ServiceProcess current) {
            if (process == current && current.isAlive()) {
                everReady = true;
                state = State.UP;
                changed.run();
            }
        }

        private void exited(ServiceProcess ended) {
            if (process != ended || isStopping()) {
                return;
            }
            lastExit = "exit " + ended.exitValue() + " at " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            lastError = killedFor != null ? killedFor : LogTail.lastErrorLine(spec.log()).orElse(null);
            killedFor = null;
            state = State.DOWN;
            changed.run();
            if (!everReady) {
                return; // the start is failing; the launcher reports it
            }
            boolean wasStable = Duration.between(startedAt, Instant.now()).compareTo(policy.stableAfter()) >= 0;
            consecutiveFailures = wasStable ? 0 : consecutiveFailures + 1;
            Duration delay = policy.delayAfter(Math.max(0, consecutiveFailures - 1));
            say.accept(spec.name() + " exited with code " + ended.exitValue() + "; restarting it in "
                    + delay.toMillis() / 1000.0 + " s" + (lastError == null ? "" : " (last error: " + lastError + ")"));
            schedule(this::restart, delay);
        }

        private void restart() {
            ServiceProcess started;
            synchronized (Supervisor.this) {
                if (stopping) {
                    return;
                }
                try {
                    restartCount++;
                    launch();
                    started = process;
                } catch (IOException e) {
                    lastError = "could not start: " + e.getMessage();
                    consecutiveFailures++;
                    schedule(this::restart, policy.delayAfter(consecutiveFailures));
                    return;
                }
            }
            try {
                started.awaitReady(policy.readyTimeout());
                becameReady(started);
                say.accept(spec.name() + " is ready again (restart " + restartCount + ")");
            } catch (StartFailure e) {
                if (started.isAlive() && !isStopping()) {
                    say.accept(spec.name() + " was not ready within " + policy.readyTimeout().toSeconds()
                            + " s of its restart; replacing it");
                    killedFor = "not ready within " + policy.readyTimeout().toSeconds() + " s of a restart";
                    started.kill(); // its exit schedules the next attempt
                }
                // else: it exited while starting, and exited() has scheduled the next attempt
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Probes liveness and readiness; a child that failed liveness too often is killed, then replaced. */
        private void check() {
            ServiceProcess current = process;
            if (!everReady || current == null || !current.isAlive() || (state != State.UP && state != State.UNREADY)) {
                return;
            }
            if (current.answers("/q/health/live", PROBE_TIMEOUT)) {
                livenessFailures = 0;
            } else if (++livenessFailures >= policy.livenessFailures()) {
                say.accept(spec.name() + " failed its liveness check " + livenessFailures + " times in a row; replacing it");
                killedFor = "liveness check failed " + livenessFailures + " times in a row";
                livenessFailures = 0;
                current.kill();
                return;
            }
            State next = current.answers("/q/health/ready", PROBE_TIMEOUT) ? State.UP : State.UNREADY;
            if (next != state && process == current && current.isAlive()) {
                state = next;
                changed.run();
            }
        }

        private void stop(Duration grace) {
            ServiceProcess current = process;
            try {
                if (current != null) {
                    current.stop(grace);
                }
            } catch (InterruptedException e) {
                current.kill();
                current.onExit().join();
                Thread.currentThread().interrupt();
            }
            state = State.STOPPED;
        }

        private Snapshot snapshot() {
            ServiceProcess current = process;
            State shown = state;
            if (current != null && !current.isAlive() && shown != State.STOPPED) {
                shown = State.DOWN; // seen before the exit watcher ran
            }
            return new Snapshot(spec.name(), shown, current == null ? -1 : current.pid(), spec.port(), restartCount,
                    lastExit, lastError, spec.log().toString());
        }
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            timer.schedule(() -> restarts.execute(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The stack is stopping: nothing is restarted any more.
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
