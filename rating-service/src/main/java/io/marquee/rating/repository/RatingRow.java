package io.marquee.rating.repository;

import java.time.Instant;

/**
 * A stored rating.
 *
 * @param rating   0.5 to 5.0 in steps of 0.5
 * @param review   trimmed review text, or null
 * @param ratedAt  when the user first rated the item
 * @param updatedAt when the rating last changed; orders "newest first"
 * @param version  increases by one on every replace; the guard of conditional writes
 */
public record RatingRow(String userId, String itemId, double rating, String review, Instant ratedAt,
                        Instant updatedAt, long version) {
}
