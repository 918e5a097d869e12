package io.marquee.user.history.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A user's recently viewed and recently rated items: at most one entry per item and list, newest
 * first, each list cut to a maximum length.
 *
 * <p>Adding an event keeps, per item, the newest moment (and, for ratings, the rating given then),
 * then keeps the newest entries. That makes the result independent of the order events arrive in
 * and of how often each arrives: a redelivered event changes nothing.
 */
public record History(List<ViewedItem> viewed, List<RatedItem> rated) {

    private static final Comparator<ViewedItem> VIEWED_NEWEST_FIRST =
            Comparator.comparing(ViewedItem::at).reversed().thenComparing(ViewedItem::itemId);
    private static final Comparator<RatedItem> RATED_NEWEST_FIRST =
            Comparator.comparing(RatedItem::at).reversed().thenComparing(RatedItem::itemId);

    public static final History EMPTY = new History(List.of(), List.of());

    public History {
        viewed = List.copyOf(viewed);
        rated = List.copyOf(rated);
    }

    /** This history with a view of {@code itemId} at {@code at}. */
    public History withViewed(String itemId, Instant at, int max) {
        List<ViewedItem> next = new ArrayList<>(viewed.size() + 1);
        for (ViewedItem entry : viewed) {
            if (entry.itemId().equals(itemId)) {
                if (!entry.at().isBefore(at)) {
                    return this;
                }
            } else {
                next.add(entry);
            }
        }
        next.add(new ViewedItem(itemId, at));
        next.sort(VIEWED_NEWEST_FIRST);
        return new History(next.subList(0, Math.min(max, next.size())), rated);
    }

    /** This history with a rating of {@code itemId}. */
    public History withRated(String itemId, double rating, Instant at, String eventId, int max) {
        List<RatedItem> next = new ArrayList<>(rated.size() + 1);
        for (RatedItem entry : rated) {
            if (entry.itemId().equals(itemId)) {
                int order = entry.at().compareTo(at);
                if (order > 0 || (order == 0 && entry.eventId().compareTo(eventId) >= 0)) {
                    return this;
                }
            } else {
                next.add(entry);
            }
        }
        next.add(new RatedItem(itemId, rating, at, eventId));
        next.sort(RATED_NEWEST_FIRST);
        return new History(viewed, next.subList(0, Math.min(max, next.size())));
    }
}
