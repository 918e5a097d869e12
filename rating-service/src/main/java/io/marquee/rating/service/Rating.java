package io.marquee.rating.service;

import io.marquee.rating.repository.RatingRow;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A user's rating of an item, as served.
 *
 * @param userId    the rater's user id (never an email or a name)
 * @param review    trimmed review text, or null
 * @param ratedAt   when the user first rated the item
 * @param updatedAt when the rating last changed
 */
@Schema(description = "A user's rating of an item")
public record Rating(String itemId, String userId,
                     @Schema(description = "0.5 to 5.0 in steps of 0.5") double rating,
                     @Schema(nullable = true, maxLength = RatingRules.MAX_REVIEW_CODE_POINTS) String review,
                     Instant ratedAt, Instant updatedAt) {

    static Rating of(RatingRow row) {
        return new Rating(row.itemId(), row.userId(), row.rating(), row.review(), row.ratedAt(), row.updatedAt());
    }
}
