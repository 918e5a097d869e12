package io.marquee.rating.service;

import io.marquee.rating.repository.RatingRow;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A user's rating of an item, as served.
 *
 * @param userId         the rater's user id (never an email or a name)
 * @param review         trimmed review text, or null
 * @param ratedAt        when the user first rated the item
 * @param updatedAt      when the rating last changed
 * @param sentiment      the review text's label, or null (no text, or not labelled yet)
 * @param sentimentScore the label's score in [-1, 1], or null
 * @param helpful        how many other users marked the review helpful
 */
@Schema(description = "A user's rating of an item")
public record Rating(String itemId, String userId,
                     @Schema(description = "0.5 to 5.0 in steps of 0.5") double rating,
                     @Schema(nullable = true, maxLength = RatingRules.MAX_REVIEW_CODE_POINTS) String review,
                     Instant ratedAt, Instant updatedAt,
                     @Schema(nullable = true, enumeration = {"positive", "negative", "neutral"},
                             description = "Sentiment of the review text; null without text") String sentiment,
                     @Schema(nullable = true, minimum = "-1", maximum = "1",
                             description = "-1 very negative to 1 very positive") Double sentimentScore,
                     @Schema(description = "How many other users marked the review helpful") int helpful) {

    public static Rating of(RatingRow row) {
        return new Rating(row.itemId(), row.userId(), row.rating(), row.review(), row.ratedAt(), row.updatedAt(),
                row.sentiment() == null ? null : row.sentiment().label().wire(),
                row.sentiment() == null ? null : row.sentiment().score(), row.helpful());
    }
}
