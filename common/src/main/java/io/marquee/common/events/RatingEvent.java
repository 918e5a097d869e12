package io.marquee.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A change of one user's rating of one item on the {@link Topics#RATINGS} topic, keyed by
 * {@code userId} (so one user's changes stay in order). It carries the previous value so that
 * consumers adjust aggregates by the exact delta without reading anything back:
 * count changes by {@code (rating != null ? 1 : 0) - (previousRating != null ? 1 : 0)} and the
 * sum by {@code rating - previousRating} (null counting as 0).
 *
 * <p>Consumers deduplicate by {@code sequence}: the producer numbers one user's changes 1, 2, 3…
 * in commit order, so a consumer that has applied number n for a user skips any later event of
 * that user numbered n or less. That also catches a copy published again under a new Kafka offset
 * (an outbox row re-sent after a crash between the broker's ack and the row's delete), which an
 * offset watermark cannot.
 *
 * @param eventId        uuid, stable across redeliveries
 * @param userId         who rated
 * @param itemId         what was rated
 * @param rating         the new rating (0.5 to 5.0 in steps of 0.5), null when the rating was deleted
 * @param previousRating the rating it replaced, null when there was none
 * @param hasReview      whether the new rating carries review text
 * @param occurredAt     when the change was made
 * @param sequence       the user's change number (1, 2, 3…); required: consumers skip a change
 *                       without one, since it could not be told from its own republished copy
 * @param sentiment      the review text's label, {@code positive}, {@code negative} or {@code neutral};
 *                       absent (null, left out of the JSON) when there is no review text or the
 *                       producer predates review sentiment, so consumers that do not know the field
 *                       see the same JSON as before
 * @param sentimentScore the label's score in [-1, 1] (-1 very negative); absent with {@code sentiment}
 */
public record RatingEvent(
        String eventId,
        String userId,
        String itemId,
        Double rating,
        Double previousRating,
        boolean hasReview,
        Instant occurredAt,
        Long sequence,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sentiment,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double sentimentScore) {

    /** A change not numbered yet: give it its number with {@link #withSequence} before sending it. */
    public RatingEvent(String eventId, String userId, String itemId, Double rating, Double previousRating,
                       boolean hasReview, Instant occurredAt) {
        this(eventId, userId, itemId, rating, previousRating, hasReview, occurredAt, null, null, null);
    }

    /** A numbered event without review sentiment. */
    public RatingEvent(String eventId, String userId, String itemId, Double rating, Double previousRating,
                       boolean hasReview, Instant occurredAt, Long sequence) {
        this(eventId, userId, itemId, rating, previousRating, hasReview, occurredAt, sequence, null, null);
    }

    /** The same change with the given change number. */
    public RatingEvent withSequence(long number) {
        return new RatingEvent(eventId, userId, itemId, rating, previousRating, hasReview, occurredAt, number,
                sentiment, sentimentScore);
    }

    /** The same change carrying its review's sentiment label and score. */
    public RatingEvent withSentiment(String label, double score) {
        return new RatingEvent(eventId, userId, itemId, rating, previousRating, hasReview, occurredAt, sequence,
                label, score);
    }

    /** The change in the number of ratings this event causes: -1, 0 or +1. */
    public int countDelta() {
        return (rating != null ? 1 : 0) - (previousRating != null ? 1 : 0);
    }

    /** The change in the sum of ratings this event causes. */
    public double sumDelta() {
        return (rating != null ? rating : 0.0) - (previousRating != null ? previousRating : 0.0);
    }
}
