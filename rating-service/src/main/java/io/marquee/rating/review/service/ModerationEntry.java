package io.marquee.rating.review.service;

import io.marquee.rating.repository.RatingRow;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A review the moderation view lists, with why.
 *
 * @param reasons {@code strongly-negative} and/or {@code stars-disagree}
 */
@Schema(description = "A review flagged for moderation")
public record ModerationEntry(String itemId, String userId, double rating, String review, String sentiment,
                              double sentimentScore,
                              @Schema(enumeration = {ReviewLabeller.STRONGLY_NEGATIVE, ReviewLabeller.STARS_DISAGREE})
                              List<String> reasons,
                              Instant updatedAt) {

    static ModerationEntry of(RatingRow row) {
        return new ModerationEntry(row.itemId(), row.userId(), row.rating(), row.review(),
                row.sentiment() == null ? null : row.sentiment().label().wire(),
                row.sentiment() == null ? 0 : row.sentiment().score(), row.flags(), row.updatedAt());
    }

    /** A page of the moderation view, newest first; {@code nextCursor} is null on the last page. */
    @Schema(description = "A page of flagged reviews, newest first")
    public record Page(List<ModerationEntry> items, @Schema(nullable = true) String nextCursor) {
    }
}
