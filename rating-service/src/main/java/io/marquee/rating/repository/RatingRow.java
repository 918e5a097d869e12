package io.marquee.rating.repository;

import io.marquee.sentiment.Sentiment;
import java.time.Instant;
import java.util.List;

/**
 * A stored rating.
 *
 * @param rating    0.5 to 5.0 in steps of 0.5
 * @param review    trimmed review text, or null
 * @param ratedAt   when the user first rated the item
 * @param updatedAt when the rating last changed; orders "newest first"
 * @param version   increases by one on every replace and every helpful vote; the guard of conditional writes
 * @param sentiment the review text's label, or null (no text, or written before labelling and not
 *                  yet backfilled)
 * @param helpful   how many other users marked the review helpful
 * @param flags     why the moderation view lists it ({@code strongly-negative}, {@code stars-disagree}), or empty
 */
public record RatingRow(String userId, String itemId, double rating, String review, Instant ratedAt,
                        Instant updatedAt, long version, Sentiment sentiment, int helpful, List<String> flags) {

    public RatingRow {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** A rating without review sentiment, votes or flags. */
    public RatingRow(String userId, String itemId, double rating, String review, Instant ratedAt,
                     Instant updatedAt, long version) {
        this(userId, itemId, rating, review, ratedAt, updatedAt, version, null, 0, List.of());
    }

    /** Whether an item's review summary counts this row and may show it: a review with a label. */
    public boolean labelledReview() {
        return review != null && sentiment != null;
    }

    /** The same rating with another label and moderation flags, one version on. */
    public RatingRow relabelled(Sentiment label, List<String> newFlags) {
        return new RatingRow(userId, itemId, rating, review, ratedAt, updatedAt, version + 1, label, helpful, newFlags);
    }

    /** The same rating with another helpful count, one version on. */
    public RatingRow withHelpful(int count) {
        return new RatingRow(userId, itemId, rating, review, ratedAt, updatedAt, version + 1, sentiment, count, flags);
    }
}
