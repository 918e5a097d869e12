package io.marquee.rating.repository;

import java.time.Instant;
import java.util.Optional;

/**
 * What an item's summary shows of one review (its most helpful of a label), as the summary row
 * keeps it: the full text, cut to an excerpt only when answered, so the excerpt length stays a
 * setting of the reader.
 *
 * @param score the review's sentiment score, -1..1
 */
public record TopReview(String userId, double rating, String review, int helpful, double score, Instant updatedAt) {

    /** The review of {@code row}; empty unless it has text and a label (only those are ever shown). */
    public static Optional<TopReview> of(RatingRow row) {
        if (!row.labelledReview()) {
            return Optional.empty();
        }
        return Optional.of(new TopReview(row.userId(), row.rating(), row.review(), row.helpful(),
                row.sentiment().score(), row.updatedAt()));
    }
}
