package io.marquee.ingest.sessions.streams;

import io.marquee.common.concurrent.BackgroundThreads;
import io.marquee.ingest.ingest.service.Visitors;
import io.marquee.ingest.sessions.service.ClosedSession;
import io.marquee.ingest.sessions.service.SessionAggregate;
import io.marquee.ingest.sessions.service.SessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sessions by inactivity gap on a key-value store keyed by session id (ADR 34), instead of Kafka
 * Streams' session-window aggregation: that one looked each event's session up across the session
 * store's segments, removed the superseded window (its key holds the window's end) and put the
 * new one, the topology's largest cost. Here an event reads its session id's windows (from memory
 * for the busiest ids), updates one and writes them back under the same key, which the store's
 * record cache folds until the commit.
 *
 * <p>The rules are Kafka Streams' session windows with a grace, so the sessions are the same: an
 * event joins every window of its session id that ends at most the gap before it or starts at
 * most the gap after it (an out-of-order event may so join two windows into one); it is dropped as
 * late if the window it would make ends more than gap + grace before the task's stream time (the
 * newest event time it saw).
 *
 * <p>A window is emitted, keyed by its user, once gap + grace have passed since its end. Kafka
 * Streams measures that in stream time only, which moves when a record arrives: on a quiet
 * partition the last sessions would never close. Here a partition's time also moves on with the
 * wall clock while no record arrives, so a session closes gap + grace after its last event whether
 * or not anyone clicks afterwards. An emitted window is kept until stream time passes its end by
 * gap + grace (as Kafka's store retained it): an event that still joins it has it emitted again,
 * merged; the grace must cover how late clients send.
 *
 * <p>Which windows are due is answered from in-memory indexes by end time, rebuilt from the store
 * when the task starts (the store is restored from its changelog first). A check reads only what
 * it closes or forgets.
 */
final class Sessioniser implements Processor<String, SessionEvent, String, ClosedSession> {

    static final String STORE = "sessions-by-id";
    /**
     * The store of open sessions of the topology before ADR 34 (key {@code sessionId@start}): its
     * sessions are taken over when a task starts, so an upgrade loses none that were open then.
     */
    static final String OPEN_BEFORE_STORE = "open-sessions";
    /** Session ids whose windows stay deserialised in memory (the store keeps all of them). */
    static final int HOT_IDS = 10_000;

    private final long gapMillis;
    private final long closeAfterMillis;
    private final Duration checkEvery;
    private ProcessorContext<String, ClosedSession> context;
    private KeyValueStore<String, SessionsOfId> store;
    /** The newest event time this task saw (its stream time), or -1 before any. */
    private long streamTime = -1;
    /** The stream time of the last check made on a record's arrival. */
    private long streamTimeChecked = -1;
    /** Wall-clock time of the last record (or of start-up), from which a quiet partition's time runs on. */
    private long wallAtLastRecord;
    /** Whether the open sessions of the topology before ADR 34 are still to be taken over (once per task start). */
    private boolean takeOverPending;

    /** A window of a session id, as the indexes name it. */
    private record Ref(String sessionId, long start) {
    }

    /** Windows not emitted yet, by end: what a check may close. */
    private final NavigableMap<Long, Set<Ref>> openByEnd = new TreeMap<>();
    /** Emitted windows still kept, by end: what a check may forget. */
    private final NavigableMap<Long, Set<Ref>> emittedByEnd = new TreeMap<>();
    /** The busiest session ids' windows as objects, so that an event does not deserialise them again. */
    private final Map<String, SessionsOfId> hot = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SessionsOfId> eldest) {
            return size() > HOT_IDS;
        }
    };

    Sessioniser(Duration gap, Duration grace, Duration checkEvery) {
        this.gapMillis = gap.toMillis();
        this.closeAfterMillis = gap.plus(grace).toMillis();
        this.checkEvery = checkEvery;
    }

    @Override
    public void init(ProcessorContext<String, ClosedSession> context) {
        // Kafka Streams creates its stream threads itself; they only ever run this topology.
        BackgroundThreads.lowerThisThread();
        this.context = context;
        this.store = context.getStateStore(STORE);
        openByEnd.clear();
        emittedByEnd.clear();
        hot.clear();
        // After a restart the windows kept say how far this partition's time had come.
        try (KeyValueIterator<String, SessionsOfId> all = store.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value != null) {
                    for (SessionsOfId.Window w : kv.value.windows()) {
                        index(kv.key, w);
                        streamTime = Math.max(streamTime, w.end());
                    }
                }
            });
        }
        // Not here: a store write needs a record context (the record cache asks for one), which init has not.
        takeOverPending = true;
        wallAtLastRecord = context.currentSystemTimeMs();
        context.schedule(checkEvery, PunctuationType.WALL_CLOCK_TIME, this::closeDue);
    }

    private void takeOverOpenSessionsFromBefore() {
        takeOverPending = false;
        KeyValueStore<String, SessionAggregate> before = context.getStateStore(OPEN_BEFORE_STORE);
        List<KeyValue<String, SessionAggregate>> open = new ArrayList<>();
        try (KeyValueIterator<String, SessionAggregate> all = before.all()) {
            all.forEachRemaining(open::add);
        }
        for (KeyValue<String, SessionAggregate> kv : open) {
            SessionAggregate session = kv.value;
            if (session != null && session.events() > 0 && session.sessionId() != null) {
                SessionsOfId.Window w = new SessionsOfId.Window(session, false);
                SessionsOfId windows = load(session.sessionId());
                if (windows.at(w.start()) == null) {
                    save(session.sessionId(), windows.with(w));
                    index(session.sessionId(), w);
                    streamTime = Math.max(streamTime, w.end());
                }
            }
            before.delete(kv.key);
        }
    }

    @Override
    public void process(Record<String, SessionEvent> record) {
        if (takeOverPending) {
            takeOverOpenSessionsFromBefore();
        }
        SessionEvent event = record.value();
        if (event == null || event.sessionId() == null || event.sentAt() == null) {
            return;
        }
        long at = record.timestamp();
        streamTime = Math.max(streamTime, at);
        String id = keyOf(event, at);
        SessionsOfId windows = load(id);

        // Every window this event falls within the gap of joins it.
        SessionAggregate joined = SessionAggregate.empty();
        long end = at;
        List<SessionsOfId.Window> rest = null;
        List<SessionsOfId.Window> merged = null;
        for (SessionsOfId.Window w : windows.windows()) {
            if (joins(w, at)) {
                joined = joined.merge(w.session());
                end = Math.max(end, w.end());
                (merged == null ? merged = new ArrayList<>(2) : merged).add(w);
            } else {
                (rest == null ? rest = new ArrayList<>(windows.windows().size()) : rest).add(w);
            }
        }
        if (end < streamTime - closeAfterMillis) {
            return; // too late: its window closed more than the grace ago
        }
        wallAtLastRecord = context.currentSystemTimeMs();
        if (merged != null) {
            for (SessionsOfId.Window w : merged) {
                unindex(id, w);
            }
        }
        SessionsOfId.Window updated = new SessionsOfId.Window(joined.add(event), false);
        SessionsOfId kept = rest == null ? new SessionsOfId(List.of(updated)) : new SessionsOfId(rest).with(updated);
        save(id, kept);
        index(id, updated);

        // Live traffic moves stream time: check on arrival too, at most once per check interval of it.
        if (streamTime - streamTimeChecked >= checkEvery.toMillis()) {
            streamTimeChecked = streamTime;
            closeDue(streamTime);
        }
    }

    /**
     * The store key of the windows {@code event} joins: its session id, except for a signed-in user's
     * event that would join a window another signed-in user owns. Session ids are made by clients: the
     * next person at a shared browser tab keeps the id after a sign-out, and whoever learns one can
     * send it; neither may write into the owner's session (it is in their {@code /me/sessions}) nor
     * read it as theirs. Such an event makes a session of its own, under the session id and its user,
     * which that user's later events within the gap continue.
     */
    private String keyOf(SessionEvent event, long at) {
        String sessionId = event.sessionId();
        String user = event.userId();
        if (Visitors.isAnonymous(user)) {
            return sessionId;
        }
        boolean joins = false;
        for (SessionsOfId.Window w : load(sessionId).windows()) {
            if (joins(w, at)) {
                String owner = w.session().userId();
                if (!Visitors.isAnonymous(owner) && !owner.equals(user)) {
                    return ownKey(sessionId, user);
                }
                joins = true;
            }
        }
        if (joins) {
            return sessionId;
        }
        String own = ownKey(sessionId, user);
        for (SessionsOfId.Window w : load(own).windows()) {
            if (joins(w, at)) {
                return own;
            }
        }
        return sessionId;
    }

    /** Session ids never hold {@code #} (the ingest's rules), so no client's session id is such a key. */
    private static String ownKey(String sessionId, String user) {
        return sessionId + "#" + user;
    }

    private boolean joins(SessionsOfId.Window w, long at) {
        return w.end() >= at - gapMillis && w.start() <= at + gapMillis;
    }

    private void closeDue(long ignoredPunctuationTime) {
        if (takeOverPending) {
            takeOverOpenSessionsFromBefore();
        }
        if (streamTime < 0) {
            return;
        }
        long now = streamTime + Math.max(0, context.currentSystemTimeMs() - wallAtLastRecord);
        // No event joins a window that ended before this any more (it would be dropped as late).
        long joinableFrom = streamTime - closeAfterMillis;
        NavigableMap<Long, Set<Ref>> due = openByEnd.headMap(now - closeAfterMillis, true);
        while (!due.isEmpty()) {
            Ref ref = first(due);
            remove(openByEnd, due.firstKey(), ref);
            SessionsOfId windows = load(ref.sessionId());
            SessionsOfId.Window w = windows.at(ref.start());
            if (w == null || w.emitted()) {
                continue;
            }
            SessionAggregate session = w.session();
            context.forward(new Record<>(session.userId(), session.close(), w.end()));
            SessionsOfId rest = windows.without(ref.start());
            if (w.end() < joinableFrom) {
                save(ref.sessionId(), rest);
            } else {
                SessionsOfId.Window emitted = new SessionsOfId.Window(session, true);
                save(ref.sessionId(), rest.with(emitted));
                index(ref.sessionId(), emitted);
            }
        }
        NavigableMap<Long, Set<Ref>> done = emittedByEnd.headMap(joinableFrom, false);
        while (!done.isEmpty()) {
            Ref ref = first(done);
            remove(emittedByEnd, done.firstKey(), ref);
            SessionsOfId windows = load(ref.sessionId());
            SessionsOfId.Window w = windows.at(ref.start());
            if (w != null && w.emitted()) {
                save(ref.sessionId(), windows.without(ref.start()));
            }
        }
    }

    private SessionsOfId load(String id) {
        SessionsOfId windows = hot.get(id);
        if (windows == null) {
            windows = store.get(id);
            if (windows == null) {
                return SessionsOfId.NONE;
            }
            hot.put(id, windows);
        }
        return windows;
    }

    private void save(String id, SessionsOfId windows) {
        if (windows.windows().isEmpty()) {
            store.delete(id);
            hot.remove(id);
        } else {
            store.put(id, windows);
            hot.put(id, windows);
        }
    }

    private void index(String id, SessionsOfId.Window w) {
        (w.emitted() ? emittedByEnd : openByEnd).computeIfAbsent(w.end(), e -> new HashSet<>(2))
                .add(new Ref(id, w.start()));
    }

    private void unindex(String id, SessionsOfId.Window w) {
        remove(w.emitted() ? emittedByEnd : openByEnd, w.end(), new Ref(id, w.start()));
    }

    private static Ref first(NavigableMap<Long, Set<Ref>> byEnd) {
        return byEnd.firstEntry().getValue().iterator().next();
    }

    private static void remove(NavigableMap<Long, Set<Ref>> byEnd, long end, Ref ref) {
        Set<Ref> refs = byEnd.get(end);
        if (refs != null && refs.remove(ref) && refs.isEmpty()) {
            byEnd.remove(end);
        }
    }
}
