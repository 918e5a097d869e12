package io.marquee.common.concurrent;

import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Background work runs at the lowest CPU priority, so requests get the CPU first (ADR 38).
 *
 * <p>Background work is what a service does on its own behalf rather than for a caller waiting on
 * it: consuming {@code interactions} into counters, histories and the event tracker. Under a burst
 * of clicks it competed with the requests that accept them and took two thirds of a two-core
 * machine (docs/benchmarks.md, "The clickstream"); once the burst is over, it catches up. A thread
 * at the lowest Java priority is, with {@link #JVM_OPTIONS}, a Linux thread at niceness 19: it
 * runs at full speed on an idle CPU and gets about 1.5% of a busy one per competing thread.
 * Without those options the JVM ignores Java priorities and nothing changes.
 *
 * <p>Lower only threads that never serve a request afterwards: an unprivileged process may raise
 * a thread's niceness but never lower it again, so a pooled thread lowered "for a while" would
 * serve later requests at niceness 19.
 */
public final class BackgroundThreads {

    /**
     * JVM options that make Java priorities OS priorities: policy 1 maps them to niceness (an
     * unprivileged JVM warns once at start that raising priorities needs privileges; lowering
     * does not), priority 1 ({@link Thread#MIN_PRIORITY}) to niceness 19 instead of 4, and
     * priorities 6–10 to 0 instead of -1 to -5: the JVM's own threads (compilers, GC, the VM
     * thread) ask for those, which a JVM running as root would get, and one running as a user
     * would not; with these, both run the same.
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19",
            "-XX:JavaPriority6_To_OSPriority=0", "-XX:JavaPriority7_To_OSPriority=0", "-XX:JavaPriority8_To_OSPriority=0",
            "-XX:JavaPriority9_To_OSPriority=0", "-XX:JavaPriority10_To_OSPriority=0");

    private BackgroundThreads() {
    }

    /** A new, unstarted thread for background work (daemon or not, as the caller sets it). */
    public static Thread newThread(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    }

    /** Daemon threads for background work, named {@code prefix-1}, {@code prefix-2}, … */
    public static ThreadFactory daemonFactory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = newThread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Lowers the calling thread, for threads a library creates that only ever do background work:
     * a Kafka Streams stream thread, a consumer's polling thread, a named worker pool of its own.
     * Cheap when it already is low, so it may be called for every batch.
     */
    public static void lowerThisThread() {
        Thread current = Thread.currentThread();
        if (current.getPriority() != Thread.MIN_PRIORITY) {
            current.setPriority(Thread.MIN_PRIORITY);
        }
    }
}
