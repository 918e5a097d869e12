package io.marquee.ingest.sessions.service;

import io.marquee.common.events.InteractionEvent;
import io.marquee.ingest.ingest.service.Visitors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a session window accumulates, as an immutable value: Kafka Streams adds events in
 * arrival order (not always event order) and merges two windows when an event bridges their gap,
 * so every field is kept so that adding and merging in any order give the same result.
 */
public record SessionAggregate(String sessionId, String userId, Instant start, String entryPage, Instant end,
                               String exitPage, long events, List<String> items, String device,
                               Instant firstView, Instant lastRate) {

    public static final int MAX_ITEMS = 50;

    public static SessionAggregate empty() {
        return new SessionAggregate(null, null, null, null, null, null, 0, List.of(), null, null, null);
    }

    public SessionAggregate add(SessionEvent e) {
        Instant at = e.sentAt();
        boolean first = start == null || at.isBefore(start);
        boolean last = end == null || !at.isBefore(end);
        List<String> seen = items;
        if (e.itemId() != null && !items.contains(e.itemId()) && items.size() < MAX_ITEMS) {
            seen = new ArrayList<>(items);
            seen.add(e.itemId());
        }
        Instant view = InteractionEvent.VIEW.equals(e.eventType()) && (firstView == null || at.isBefore(firstView))
                ? at : firstView;
        Instant rate = InteractionEvent.RATE.equals(e.eventType()) && (lastRate == null || at.isAfter(lastRate))
                ? at : lastRate;
        return new SessionAggregate(e.sessionId(), owner(userId, e.userId()), first ? at : start,
                first ? e.page() : entryPage, last ? at : end, last ? e.page() : exitPage, events + 1, List.copyOf(seen),
                device != null ? device : e.device(), view, rate);
    }

    public SessionAggregate merge(SessionAggregate other) {
        if (other.events == 0) {
            return this;
        }
        if (events == 0) {
            return other;
        }
        SessionAggregate earlier = other.start.isBefore(start) ? other : this;
        SessionAggregate later = earlier == this ? other : this;
        SessionAggregate ending = !other.end.isBefore(end) ? other : this;
        List<String> seen = new ArrayList<>(earlier.items);
        for (String item : later.items) {
            if (!seen.contains(item) && seen.size() < MAX_ITEMS) {
                seen.add(item);
            }
        }
        return new SessionAggregate(sessionId, owner(userId, other.userId), earlier.start, earlier.entryPage,
                ending.end, ending.exitPage, events + other.events, List.copyOf(seen),
                earlier.device != null ? earlier.device : later.device,
                earliest(firstView, other.firstView), latest(lastRate, other.lastRate));
    }

    public ClosedSession close() {
        return new ClosedSession(sessionId, userId, start, end, events, entryPage, exitPage, items, device,
                firstView != null, firstView != null && lastRate != null && !lastRate.isBefore(firstView));
    }

    /** A signed-in user wins over an anonymous visitor; the first user seen wins over a later one. */
    private static String owner(String current, String candidate) {
        if (current == null || (Visitors.isAnonymous(current) && !Visitors.isAnonymous(candidate))) {
            return candidate;
        }
        return current;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
