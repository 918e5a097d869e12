package io.marquee.personalize.server.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The heap a training may use: what is free once garbage is collected, so the models being
 * served, the datasets and everything else alive are counted, less a margin for the requests
 * that keep being answered meanwhile. Trainings run one at a time ({@link Lifecycle}), so no
 * other training competes for it.
 */
@ApplicationScoped
class TrainingMemory {

    /** Left for request handling, imports' parsing and the JIT while a training runs. */
    static final long HEADROOM = 48L << 20;
    /** Share of the rest a training may plan for: the estimates are bounds, the collector needs slack. */
    static final double SHARE = 0.85;

    long available() {
        Runtime rt = Runtime.getRuntime();
        // One full collection before a training (minutes of work) is cheap, and without it
        // garbage would look like live data.
        System.gc();
        long used = rt.totalMemory() - rt.freeMemory();
        long free = rt.maxMemory() - used;
        return Math.max(0, (long) ((free - HEADROOM) * SHARE));
    }
}
