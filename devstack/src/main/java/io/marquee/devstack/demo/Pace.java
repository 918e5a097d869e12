package io.marquee.devstack.demo;

import java.util.function.LongSupplier;

/**
 * Holds a stream of sends to a rate: after {@code n} sends it waits until {@code n / perSecond}
 * seconds have passed since the start. Publishing the demo history at full speed keeps the
 * launcher's JVM, which also runs DynamoDB Local and the broker, busy for the first 20 s after
 * READY; the services' consumers absorb far slower than the rate used, so pacing costs them
 * nothing.
 */
final class Pace {

    /** Waits; a seam so tests need no clock. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final double perSecond;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final long start;

    Pace(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.start = nanoTime.getAsLong();
    }

    /** {@code perSecond} 0 or less: no limit. */
    static Pace of(double perSecond) {
        return new Pace(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Called after {@code sent} sends in all: waits until the rate allows them. */
    void after(long sent) throws InterruptedException {
        if (perSecond <= 0) {
            return;
        }
        long due = start + (long) (sent * 1e9 / perSecond);
        long wait = due - nanoTime.getAsLong();
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }
}
