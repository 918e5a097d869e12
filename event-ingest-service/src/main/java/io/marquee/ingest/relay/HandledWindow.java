package io.marquee.ingest.relay;

import io.marquee.ingest.relay.DeliveredRanges.Handled;
import io.marquee.ingest.relay.DeliveredRanges.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The ids one relay run handled lately, per partition, in memory: what a poll checks its events
 * against before sending them (docs/adr/0030). A partition's window is read back from
 * {@link DeliveredRanges} before its first poll is relayed ({@link #seeded}, {@link #seed}), so it
 * also knows what a predecessor handled there; after that every id this run handles is added
 * here at once and recorded in DynamoDB at most {@code flushEvery} later, one item per partition
 * (and at the end of each poll, before the commit: {@link #flush}).
 *
 * <p>Thread-safe: the relay's call threads add what they delivered while the polling thread reads.
 */
final class HandledWindow {

    private final DeliveredRanges ranges;
    private final int perPartition;
    private final long flushEveryNanos;
    private final Map<TopicPartition, LinkedHashMap<String, Outcome>> windows = new HashMap<>();
    private List<Handled> pending = new ArrayList<>();
    private long lastFlush = System.nanoTime();

    HandledWindow(DeliveredRanges ranges, int perPartition, Duration flushEvery) {
        this.ranges = ranges;
        this.perPartition = Math.max(1, perPartition);
        this.flushEveryNanos = flushEvery.toNanos();
    }

    synchronized boolean seeded(TopicPartition partition) {
        return windows.containsKey(partition);
    }

    /**
     * Reads back what was handled on {@code partition} in the window below {@code firstOffset}
     * (the offset this run starts at) and above it. Runs on the polling thread, outside the lock:
     * it is a DynamoDB query.
     */
    void seed(TopicPartition partition, long firstOffset) {
        Map<String, Outcome> found = ranges.since(partition, firstOffset - perPartition);
        synchronized (this) {
            LinkedHashMap<String, Outcome> window = newWindow();
            window.putAll(found);
            windows.put(partition, window);
        }
    }

    /** Forgets partitions this run no longer owns: another replica may handle them meanwhile. */
    synchronized void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(windows::remove);
    }

    /** What became of this id, if any partition's window knows it (a client's resend may change partition). */
    synchronized Outcome outcome(String eventId) {
        Outcome found = null;
        for (Map<String, Outcome> window : windows.values()) {
            Outcome outcome = window.get(eventId);
            if (outcome == Outcome.DELIVERED) {
                return outcome;
            }
            found = outcome == null ? found : outcome;
        }
        return found;
    }

    /** Adds what was handled; records the pending ids in DynamoDB when the last flush is {@code flushEvery} ago. */
    void add(Collection<Handled> handled) {
        List<Handled> due = null;
        synchronized (this) {
            for (Handled h : handled) {
                windows.computeIfAbsent(h.partition(), p -> newWindow()).put(h.eventId(), h.outcome());
                pending.add(h);
            }
            if (System.nanoTime() - lastFlush >= flushEveryNanos) {
                due = takePending();
            }
        }
        if (due != null) {
            record(due);
        }
    }

    /** Records every pending id now (end of a poll, a failure, a stop). */
    void flush() {
        List<Handled> due;
        synchronized (this) {
            due = takePending();
        }
        record(due);
    }

    /** Writes them; on a failure they stay pending (for the next flush), and the failure fails the poll. */
    private void record(List<Handled> due) {
        try {
            ranges.record(due);
        } catch (RuntimeException e) {
            synchronized (this) {
                due.addAll(pending);
                pending = due;
            }
            throw e;
        }
    }

    private List<Handled> takePending() {
        List<Handled> due = pending;
        pending = new ArrayList<>();
        lastFlush = System.nanoTime();
        return due;
    }

    private LinkedHashMap<String, Outcome> newWindow() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Outcome> eldest) {
                return size() > perPartition;
            }
        };
    }
}
