package io.marquee.personalize.server.store;

import io.marquee.personalize.engine.Dataset;
import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.engine.ItemMetadata;
import io.marquee.personalize.server.store.GroupData.RecordedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GroupData before events were held in columns (git show fe4619b), kept as the oracle
 * {@link GroupDataTest} compares the compact one with; not used by the server.
 *
 * <p>The data of one dataset group, in memory: bulk-imported interactions plus the events recorded
 * since (PutEvents), each user's (or anonymous session's) history in time order, and item and
 * user metadata. Bulk imports replace bulk data only; recorded events are kept, as in Personalize.
 */
final class ReferenceGroupData {


    private static final Comparator<Interaction> BY_TIME = Comparator.comparingLong(Interaction::timestampMillis);

    private List<Interaction> imported = List.of();
    private final List<RecordedEvent> events = new ArrayList<>();
    private final List<Interaction> observed = new ArrayList<>();
    private final Map<String, List<Interaction>> users = new HashMap<>();
    private final Map<String, List<Interaction>> sessions = new HashMap<>();
    private final Map<String, String> sessionOwners = new HashMap<>();
    private final Map<String, Map<String, String>> items = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> userRows = new ConcurrentHashMap<>();
    private final List<ItemMetadata> itemPuts = new ArrayList<>();

    /** Replaces (FULL) or extends (INCREMENTAL) the bulk interactions and rebuilds every history. */
    public synchronized void importInteractions(List<Interaction> rows, boolean full) {
        List<Interaction> all = new ArrayList<>(full ? List.of() : imported);
        all.addAll(rows);
        imported = all;
        rebuild();
    }

    public synchronized void clearInteractions() {
        imported = List.of();
        events.clear();
        rebuild();
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

    private void rebuild() {
        users.clear();
        sessions.clear();
        sessionOwners.clear();
        observed.clear();
        for (Interaction i : imported) {
            users.computeIfAbsent(i.userId(), k -> new ArrayList<>()).add(i);
        }
        users.values().forEach(h -> h.sort(BY_TIME));
        List<RecordedEvent> replay = new ArrayList<>(events);
        events.clear();
        replay.forEach(this::record);
    }

    /**
     * Records one PutEvents event and returns it as the model sees it. Without a user id the
     * event joins its session's history; once a later event ties the session to a user, the
     * session's history moves into the user's, and the session id keeps pointing there.
     */
    public synchronized Interaction record(RecordedEvent e) {
        events.add(e);
        String owner = e.userId();
        if (owner != null) {
            List<Interaction> anonymous = sessions.remove(e.sessionId());
            sessionOwners.put(e.sessionId(), owner);
            if (anonymous != null) {
                List<Interaction> history = users.computeIfAbsent(owner, k -> new ArrayList<>());
                for (Interaction i : anonymous) {
                    insert(history, new Interaction(owner, i.itemId(), i.timestampMillis(), i.eventType(),
                            i.eventValue()));
                }
            }
        } else {
            owner = sessionOwners.get(e.sessionId());
        }
        Interaction interaction = new Interaction(owner != null ? owner : e.sessionId(), e.itemId(),
                e.timestampMillis(), e.eventType(), e.eventValue());
        if (e.itemId() != null) {
            Map<String, List<Interaction>> byId = owner != null ? users : sessions;
            insert(byId.computeIfAbsent(interaction.userId(), k -> new ArrayList<>()), interaction);
        }
        observed.add(interaction);
        return interaction;
    }

    private static void insert(List<Interaction> history, Interaction i) {
        int at = history.size();
        while (at > 0 && history.get(at - 1).timestampMillis() > i.timestampMillis()) {
            at--;
        }
        history.add(at, i);
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
        List<Interaction> history = users.get(id);
        if (history == null) {
            history = sessions.get(id);
        }
        if (history == null && sessionOwners.containsKey(id)) {
            history = users.get(sessionOwners.get(id));
        }
        return history == null ? List.of() : List.copyOf(history);
    }

    public Map<String, String> item(String itemId) {
        return items.get(itemId);
    }

    public Map<String, String> user(String userId) {
        return userId == null ? null : userRows.get(userId);
    }

    public synchronized int eventCount() {
        return observed.size();
    }

    public synchronized int itemPutCount() {
        return itemPuts.size();
    }

    /** Events recorded from the {@code from}-th on, as the model saw them (for replay after a restart). */
    public synchronized List<Interaction> eventsSince(int from) {
        return from >= observed.size() ? List.of() : List.copyOf(observed.subList(from, observed.size()));
    }

    public synchronized List<ItemMetadata> itemPutsSince(int from) {
        return from >= itemPuts.size() ? List.of() : List.copyOf(itemPuts.subList(from, itemPuts.size()));
    }

    public synchronized int interactionCount() {
        int n = 0;
        for (List<Interaction> h : users.values()) {
            n += h.size();
        }
        for (List<Interaction> h : sessions.values()) {
            n += h.size();
        }
        return n;
    }

    /** Everything a solution version trains on, copied so training runs while events keep coming. */
    public synchronized Dataset trainingSet() {
        List<Interaction> all = new ArrayList<>(interactionCount());
        users.values().forEach(all::addAll);
        sessions.values().forEach(all::addAll);
        Map<String, ItemMetadata> itemMeta = new HashMap<>();
        items.forEach((id, fields) -> itemMeta.put(id, new ItemMetadata(id, fields)));
        return new Dataset(Collections.unmodifiableList(all), itemMeta, Map.copyOf(userRows));
    }
}
