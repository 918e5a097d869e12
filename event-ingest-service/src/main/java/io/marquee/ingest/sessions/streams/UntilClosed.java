package io.marquee.ingest.sessions.streams;

import io.marquee.ingest.sessions.service.ClosedSession;
import io.marquee.ingest.sessions.service.SessionAggregate;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Holds each open session (every update of its window) and emits it, keyed by its user, once its
 * gap and grace have passed. Kafka Streams' own {@code suppress(untilWindowCloses)} measures that
 * in stream time only, which moves when a record arrives: on a quiet stack the last sessions never
 * closed. Here a partition's time also moves on with the wall clock while no record arrives, so a
 * session closes gap + grace after its last event whether or not anyone clicks afterwards.
 *
 * <p>Windows merged away by a bridging event arrive as tombstones and are dropped. A session
 * emitted and then bridged by an event later than the grace is emitted again, merged (as with
 * suppress): the grace must cover how late clients send.
 *
 * <p>Which sessions are due is answered from an in-memory index of open sessions by end time,
 * rebuilt from the store when the task starts: a check reads only the sessions it closes, not
 * every open one (thousands under load, each a store read).
 */
final class UntilClosed implements Processor<Windowed<String>, SessionAggregate, String, ClosedSession> {

    static final String OPEN_STORE = "open-sessions";

    private final long closeAfterMillis;
    private final Duration checkEvery;
    /** The stream time of the last check made on a record's arrival. */
    private long streamTimeChecked = -1;
    private ProcessorContext<String, ClosedSession> context;
    private KeyValueStore<String, SessionAggregate> open;
    /** The newest event time seen by this task (its stream time), or -1 before any. */
    private long streamTime = -1;
    /** Wall-clock time of the last record (or of start-up), from which a quiet partition's time runs on. */
    private long wallAtLastRecord;

    /** Open session keys by their end (event time, ms): what a check looks at. */
    private final NavigableMap<Long, Set<String>> byEnd = new TreeMap<>();
    /** Each open session key's end, as indexed in {@link #byEnd}. */
    private final Map<String, Long> endOf = new HashMap<>();

    /** @param grace here: the grace plus how long an update may wait in the cache upstream */
    UntilClosed(Duration gap, Duration grace, Duration checkEvery) {
        this.closeAfterMillis = gap.plus(grace).toMillis();
        this.checkEvery = checkEvery;
    }

    @Override
    public void init(ProcessorContext<String, ClosedSession> context) {
        this.context = context;
        this.open = context.getStateStore(OPEN_STORE);
        // After a restart the sessions still open say how far this partition's time had come.
        byEnd.clear();
        endOf.clear();
        try (KeyValueIterator<String, SessionAggregate> all = open.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value != null) {
                    index(kv.key, kv.value.end().toEpochMilli());
                    streamTime = Math.max(streamTime, kv.value.end().toEpochMilli());
                }
            });
        }
        wallAtLastRecord = context.currentSystemTimeMs();
        context.schedule(checkEvery, PunctuationType.WALL_CLOCK_TIME, this::closeDue);
    }

    @Override
    public void process(Record<Windowed<String>, SessionAggregate> record) {
        String key = record.key().key() + "@" + record.key().window().start();
        SessionAggregate session = record.value();
        if (session == null || session.events() == 0) {
            open.delete(key);
            unindex(key);
        } else {
            open.put(key, session);
            index(key, session.end().toEpochMilli());
            streamTime = Math.max(streamTime, session.end().toEpochMilli());
        }
        wallAtLastRecord = context.currentSystemTimeMs();
        // Live traffic moves stream time: check on arrival too, at most once per check interval of it.
        if (streamTime - streamTimeChecked >= checkEvery.toMillis()) {
            streamTimeChecked = streamTime;
            closeDue(streamTime);
        }
    }

    private void closeDue(long ignoredPunctuationTime) {
        if (streamTime < 0) {
            return;
        }
        long now = streamTime + Math.max(0, context.currentSystemTimeMs() - wallAtLastRecord);
        NavigableMap<Long, Set<String>> due = byEnd.headMap(now - closeAfterMillis, true);
        while (!due.isEmpty()) {
            String key = due.firstEntry().getValue().iterator().next();
            SessionAggregate session = open.get(key);
            if (session != null) {
                context.forward(new Record<>(session.userId(), session.close(), session.end().toEpochMilli()));
            }
            open.delete(key);
            unindex(key);
        }
    }

    private void index(String key, long end) {
        Long before = endOf.put(key, end);
        if (before != null && before != end) {
            removeFromEnd(key, before);
        }
        byEnd.computeIfAbsent(end, e -> new HashSet<>(2)).add(key);
    }

    private void unindex(String key) {
        Long end = endOf.remove(key);
        if (end != null) {
            removeFromEnd(key, end);
        }
    }

    private void removeFromEnd(String key, long end) {
        Set<String> keys = byEnd.get(end);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            byEnd.remove(end);
        }
    }
}
