package io.marquee.ingest.relay;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The relay's manners towards the tracker: at most {@code callsPerSecond} calls, evenly spaced
 * (Personalize's quota is per second, a burst would be throttled), and exponential back-off with
 * full jitter after a refusal, so replicas that were throttled together do not retry together.
 * Shared by the relay's concurrent calls: each takes the next free slot, then waits for it alone.
 */
final class CallPacer {

    private final long spacingNanos;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private long nextCallNanos = System.nanoTime();

    CallPacer(double callsPerSecond, Duration initialBackoff, Duration maxBackoff) {
        this.spacingNanos = callsPerSecond <= 0 ? 0 : (long) (1_000_000_000L / callsPerSecond);
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Waits until the next call is within the rate. */
    void awaitTurn() {
        long now = System.nanoTime();
        long at;
        synchronized (this) {
            at = Math.max(now, nextCallNanos);
            nextCallNanos = at + spacingNanos;
        }
        if (at > now) {
            LockSupport.parkNanos(at - now);
        }
    }

    /** The wait before retry number {@code attempt} (1, 2, ...): random in [0, min(max, initial·2^(attempt-1))]. */
    Duration backoff(int attempt) {
        long cap = initialBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        long bound = Math.max(1, Math.min(maxBackoff.toMillis(), cap));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound + 1));
    }
}
