package io.marquee.common.events;

import java.time.Instant;

/**
 * A change of one user's rating of one item on the {@link Topics#RATINGS} topic, keyed by
 * {@code userId} (so one user's changes stay in order). It carries the previous value so that
 * consumers adjust aggregates by the exact delta without reading anything back:
 * count changes by {@code (rating != null ? 1 : 0) - (previousRating != null ? 1 : 0)} and the
 * sum by {@code rating - previousRating} (null counting as 0). Consumers deduplicate by
 * {@code eventId}.
 *
 * @param eventId        uuid, stable across redeliveries
 * @param userId         who rated
 * @param itemId         what was rated
 * @param rating         the new rating (0.5 to 5.0 in steps of 0.5), null when the rating was deleted
 * @param previousRating the rating it replaced, null when there was none
 * @param hasReview      whether the new rating carries review text
 * @param occurredAt     when the change was made
 */
public record RatingEvent(
        String eventId,
        String userId,
        String itemId,
        Double rating,
        Double previousRating,
        boolean hasReview,
        Instant occurredAt) {

    /** The change in the number of ratings this event causes: -1, 0 or +1. */
    public int countDelta() {
        return (rating != null ? 1 : 0) - (previousRating != null ? 1 : 0);
    }

    /** The change in the sum of ratings this event causes. */
    public double sumDelta() {
        return (rating != null ? rating : 0.0) - (previousRating != null ? previousRating : 0.0);
    }
}
