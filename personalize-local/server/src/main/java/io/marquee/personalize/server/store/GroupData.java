package io.marquee.personalize.server.store;

import io.marquee.personalize.engine.Dataset;
import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.engine.ItemMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data of one dataset group, in memory: bulk-imported interactions plus the events recorded
 * since (PutEvents), each user's (or anonymous session's) history in time order, and item and
 * user metadata. Bulk imports replace bulk data only; recorded events are kept, as in Personalize.
 *
 * <p>Recorded events can number millions (a clickstream benchmark sends them by the million), so
 * they are held once, in columns of primitives: ids and event types are numbers into the group's
 * own dictionaries (one String per distinct id, not one per event), and a history is a list of row
 * numbers. An event costs about 40 bytes instead of the ~270 that two sets of objects with
 * Strings of their own cost (7.4 M clickstream events: 282 MB instead of 1.9 GB, docs/benchmarks.md). {@link Interaction}s are made on demand when a history, the training
 * set or the events since a training are asked for, equal to the ones the model saw.
 */
public final class GroupData {

    /** An event as PutEvents recorded it, before it is attributed to a user or session. */
    public record RecordedEvent(String userId, String sessionId, String itemId, long timestampMillis,
                                String eventType, double eventValue) {
    }

    /** Heap one kept event takes, columns and history entry, with room for growth; for the replay's cap. */
    public static final int BYTES_PER_EVENT = 48;

    private static final int NONE = -1;

    private List<Interaction> imported = List.of();
    private final Dictionary ids = new Dictionary();
    private final Dictionary types = new Dictionary();
    private Events events = new Events(16);
    /** Events not kept (the oldest, dropped by the replay to fit the heap): event numbers start after them. */
    private int dropped;
    private String replayNote;
    /** Histories: row numbers of {@link #events} (>= 0), or {@code -1 - i} for {@code imported.get(i)}. */
    private final Map<String, IntList> users = new HashMap<>();
    private final Map<String, IntList> sessions = new HashMap<>();
    private final Map<String, String> sessionOwners = new HashMap<>();
    private final Map<String, Map<String, String>> items = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> userRows = new ConcurrentHashMap<>();
    private final List<ItemMetadata> itemPuts = new ArrayList<>();

    /** Replaces (FULL) or extends (INCREMENTAL) the bulk interactions and rebuilds every history. */
    public synchronized void importInteractions(List<Interaction> rows, boolean full) {
        List<Interaction> all = new ArrayList<>(full ? List.of() : imported);
        all.addAll(rows);
        imported = all;
        rebuild(true);
    }

    public synchronized void clearInteractions() {
        imported = List.of();
        rebuild(false);
    }

    public void importItems(Map<String, Map<String, String>> rows, boolean full) {
        if (full) {
            items.clear();
        }
        items.putAll(rows);
    }

    public void clearItems() {
        items.clear();
    }

    public void importUsers(Map<String, Map<String, String>> rows, boolean full) {
        if (full) {
            userRows.clear();
        }
        userRows.putAll(rows);
    }

    public void clearUsers() {
        userRows.clear();
    }

    private void rebuild(boolean keepEvents) {
        users.clear();
        sessions.clear();
        sessionOwners.clear();
        for (int i = 0; i < imported.size(); i++) {
            users.computeIfAbsent(canonical(imported.get(i).userId()), k -> new IntList()).add(-1 - i);
        }
        users.values().forEach(h -> h.sortBy(this::time));
        Events old = events;
        // New columns rather than rewritten ones: the rows keep their numbers, but what was
        // attributed to whom is worked out again against the new bulk data.
        events = new Events(keepEvents ? Math.max(16, old.size) : 16);
        if (!keepEvents) {
            dropped = 0;
            replayNote = null;
            return;
        }
        for (int r = 0; r < old.size; r++) {
            record(old.user(r), old.session[r], old.item[r], old.time[r], old.type[r], old.value(r));
        }
    }

    /**
     * Records one PutEvents event and returns it as the model sees it. Without a user id the
     * event joins its session's history; once a later event ties the session to a user, the
     * session's history moves into the user's, and the session id keeps pointing there.
     */
    public synchronized Interaction record(RecordedEvent e) {
        int row = record(ids.id(e.userId()), ids.id(e.sessionId()), ids.id(e.itemId()), e.timestampMillis(),
                types.id(e.eventType()), e.eventValue());
        return observed(row);
    }

    /** Records an event read back from the log (the replay): as {@link #record(RecordedEvent)}, without making its Interaction. */
    synchronized void record(String userId, String sessionId, String itemId, long timestampMillis, String eventType,
                             double eventValue) {
        record(ids.id(userId), ids.id(sessionId), ids.id(itemId), timestampMillis, types.id(eventType), eventValue);
    }

    private int record(int user, int session, int item, long time, int type, double value) {
        int owner = user;
        String sessionId = ids.string(session);
        if (user != NONE) {
            String userId = ids.string(user);
            IntList anonymous = sessions.remove(sessionId);
            sessionOwners.put(sessionId, userId);
            if (anonymous != null) {
                IntList history = users.computeIfAbsent(userId, k -> new IntList());
                for (int i = 0; i < anonymous.size; i++) {
                    insert(history, anonymous.at(i));
                }
            }
        } else {
            String userId = sessionOwners.get(sessionId);
            owner = userId != null ? ids.id(userId) : NONE;
        }
        int row = events.add(owner != NONE ? owner : session, user != NONE, session, item, time, type, value);
        if (item != NONE) {
            String key = ids.string(events.owner[row]);
            Map<String, IntList> byId = owner != NONE ? users : sessions;
            insert(byId.computeIfAbsent(key, k -> new IntList()), row);
        }
        return row;
    }

    private void insert(IntList history, int entry) {
        long t = time(entry);
        int at = history.size;
        while (at > 0 && time(history.at(at - 1)) > t) {
            at--;
        }
        history.insert(at, entry);
    }

    private long time(int entry) {
        return entry >= 0 ? events.time[entry] : imported.get(-1 - entry).timestampMillis();
    }

    /** A history entry as an Interaction of {@code owner}, whose list it is in. */
    private Interaction interaction(String owner, int entry) {
        if (entry < 0) {
            return imported.get(-1 - entry);
        }
        return new Interaction(owner, ids.string(events.item[entry]), events.time[entry],
                types.string(events.type[entry]), events.value(entry));
    }

    /** An event as the model saw it when it was recorded. */
    private Interaction observed(int row) {
        return interaction(ids.string(events.owner[row]), row);
    }

    private String canonical(String id) {
        return ids.string(ids.id(id));
    }

    public synchronized ItemMetadata putItem(String itemId, Map<String, String> fields) {
        Map<String, String> merged = new LinkedHashMap<>(items.getOrDefault(itemId, Map.of()));
        merged.putAll(fields);
        merged.put("ITEM_ID", itemId);
        items.put(itemId, Map.copyOf(merged));
        ItemMetadata put = new ItemMetadata(itemId, Map.copyOf(merged));
        itemPuts.add(put);
        return put;
    }

    public void putUser(String userId, Map<String, String> fields) {
        Map<String, String> merged = new LinkedHashMap<>(userRows.getOrDefault(userId, Map.of()));
        merged.putAll(fields);
        merged.put("USER_ID", userId);
        userRows.put(userId, Map.copyOf(merged));
    }

    /** The history of a user, or of an anonymous session (also after it was tied to a user), oldest first. */
    public synchronized List<Interaction> history(String id) {
        if (id == null) {
            return List.of();
        }
        String key = id;
        IntList history = users.get(id);
        if (history == null) {
            history = sessions.get(id);
        }
        if (history == null && sessionOwners.containsKey(id)) {
            key = sessionOwners.get(id);
            history = users.get(key);
        }
        if (history == null) {
            return List.of();
        }
        Interaction[] out = new Interaction[history.size];
        for (int i = 0; i < out.length; i++) {
            out[i] = interaction(key, history.at(i));
        }
        return List.of(out);
    }

    public Map<String, String> item(String itemId) {
        return items.get(itemId);
    }

    public Map<String, String> user(String userId) {
        return userId == null ? null : userRows.get(userId);
    }

    /** Events recorded, counting those the replay dropped (so numbers saved with a model stay valid). */
    public synchronized int eventCount() {
        return dropped + events.size;
    }

    public synchronized int itemPutCount() {
        return itemPuts.size();
    }

    /**
     * Events recorded from the {@code from}-th on, as the model saw them (for replay after a restart).
     * Events the replay dropped are not there: a model trained before them catches up from the oldest kept.
     */
    public synchronized List<Interaction> eventsSince(int from) {
        int start = Math.max(0, from - dropped);
        if (start >= events.size) {
            return List.of();
        }
        Interaction[] out = new Interaction[events.size - start];
        for (int r = start; r < events.size; r++) {
            out[r - start] = observed(r);
        }
        return List.of(out);
    }

    /** {@link #eventsSince} one at a time, for millions of them (a restart's catch-up) without a list of them all. */
    public synchronized void forEachEventSince(int from, java.util.function.Consumer<Interaction> action) {
        for (int r = Math.max(0, from - dropped); r < events.size; r++) {
            action.accept(observed(r));
        }
    }

    public synchronized List<ItemMetadata> itemPutsSince(int from) {
        return from >= itemPuts.size() ? List.of() : List.copyOf(itemPuts.subList(from, itemPuts.size()));
    }

    public synchronized int interactionCount() {
        int n = 0;
        for (IntList h : users.values()) {
            n += h.size;
        }
        for (IntList h : sessions.values()) {
            n += h.size;
        }
        return n;
    }

    /** Everything a solution version trains on, copied so training runs while events keep coming. */
    public synchronized Dataset trainingSet() {
        List<Interaction> all = new ArrayList<>(interactionCount());
        for (Map<String, IntList> byId : List.of(users, sessions)) {
            byId.forEach((id, h) -> {
                for (int i = 0; i < h.size; i++) {
                    all.add(interaction(id, h.at(i)));
                }
            });
        }
        Map<String, ItemMetadata> itemMeta = new HashMap<>();
        items.forEach((id, fields) -> itemMeta.put(id, new ItemMetadata(id, fields)));
        return new Dataset(Collections.unmodifiableList(all), itemMeta, Map.copyOf(userRows));
    }

    // ---------------------------------------------------------------- replay

    /** Makes room for {@code n} more events at once (the replay knows how many), so the columns grow once. */
    synchronized void reserve(int n) {
        events.ensure(events.size + n);
    }

    /** The replay left out the {@code count} oldest events; {@code note} says so to whoever describes the group. */
    synchronized void droppedOldest(int count, String note) {
        dropped += count;
        replayNote = note;
    }

    /** What the last start could not keep of this group's events, or null when it kept everything. */
    public synchronized String replayNote() {
        return replayNote;
    }

    // ---------------------------------------------------------------- storage

    /** One String per distinct id (or event type) of the group, numbered from 0; null is {@link #NONE}. */
    private static final class Dictionary {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final ArrayList<String> strings = new ArrayList<>();

        int id(String s) {
            if (s == null) {
                return NONE;
            }
            Integer n = numbers.get(s);
            if (n == null) {
                n = strings.size();
                numbers.put(s, n);
                strings.add(s);
            }
            return n;
        }

        String string(int id) {
            return id == NONE ? null : strings.get(id);
        }
    }

    /** Recorded events in arrival order, one row each, one array per field. */
    private static final class Events {
        int size;
        /** The user, or the session, the event was attributed to when recorded (the Interaction's userId). */
        int[] owner;
        /** Set when the event itself named the user (owner is then that user). */
        boolean[] named;
        int[] session;
        int[] item;
        long[] time;
        int[] type;
        /** Only once some event has a value: clickstream views have none. */
        double[] value;

        Events(int capacity) {
            owner = new int[capacity];
            named = new boolean[capacity];
            session = new int[capacity];
            item = new int[capacity];
            time = new long[capacity];
            type = new int[capacity];
        }

        void ensure(int capacity) {
            if (capacity > owner.length) {
                int n = Math.max(capacity, owner.length + (owner.length >> 1));
                owner = Arrays.copyOf(owner, n);
                named = Arrays.copyOf(named, n);
                session = Arrays.copyOf(session, n);
                item = Arrays.copyOf(item, n);
                time = Arrays.copyOf(time, n);
                type = Arrays.copyOf(type, n);
                if (value != null) {
                    value = Arrays.copyOf(value, n);
                }
            }
        }

        int add(int owner, boolean named, int session, int item, long time, int type, double value) {
            ensure(size + 1);
            int r = size;
            this.owner[r] = owner;
            this.named[r] = named;
            this.session[r] = session;
            this.item[r] = item;
            this.time[r] = time;
            this.type[r] = type;
            if (!Double.isNaN(value) || this.value != null) {
                if (this.value == null) {
                    this.value = new double[this.owner.length];
                    Arrays.fill(this.value, 0, r, Double.NaN);
                }
                this.value[r] = value;
            }
            size++;
            return r;
        }

        int user(int r) {
            return named[r] ? owner[r] : NONE;
        }

        double value(int r) {
            return value == null ? Double.NaN : value[r];
        }
    }

    /** A growable list of ints (history entries). */
    private static final class IntList {
        int[] a = new int[4];
        int size;

        int at(int i) {
            return a[i];
        }

        void add(int v) {
            insert(size, v);
        }

        void insert(int at, int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size + Math.max(4, size >> 1));
            }
            System.arraycopy(a, at, a, at + 1, size - at);
            a[at] = v;
            size++;
        }

        void sortBy(java.util.function.IntToLongFunction key) {
            // Stable, as List.sort was: imported rows of equal time keep their order.
            Integer[] boxed = new Integer[size];
            for (int i = 0; i < size; i++) {
                boxed[i] = a[i];
            }
            Arrays.sort(boxed, java.util.Comparator.comparingLong(key::applyAsLong));
            for (int i = 0; i < size; i++) {
                a[i] = boxed[i];
            }
        }
    }
}
