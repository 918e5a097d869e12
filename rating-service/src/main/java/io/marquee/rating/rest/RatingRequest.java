package io.marquee.rating.rest;

import io.marquee.rating.service.RatingRules;
import io.marquee.rating.service.ReviewText;
import io.marquee.rating.service.ValidRating;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /items/{itemId}/rating}. The rating is read as an exact decimal so that
 * 4.5000001 is refused rather than rounded into a valid rating.
 */
@Schema(description = "My rating of an item, with an optional review")
public record RatingRequest(
        @NotNull @ValidRating
        @Schema(required = true, minimum = "0.5", maximum = "5.0", multipleOf = 0.5, example = "4.5")
        BigDecimal rating,
        @ReviewText
        @Schema(nullable = true, maxLength = RatingRules.MAX_REVIEW_CODE_POINTS,
                description = "Trimmed; up to 2000 characters (code points); line breaks allowed, "
                        + "other control characters, bidirectional controls and invisible characters not; "
                        + "blank means no review")
        String review) {
}
