package io.marquee.rating.review.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An item's reviews at a glance.
 *
 * @param reviews             labelled reviews counted
 * @param positiveShare       share of them labelled positive, 0..1 (0 without reviews)
 * @param negativeShare       share labelled negative, 0..1
 * @param mostHelpfulPositive the positive review most users marked helpful (the newest among equals), or null
 * @param mostHelpfulNegative the same among negative reviews, or null
 */
@Schema(description = "An item's reviews at a glance: sentiment shares and the most helpful excerpts")
public record ReviewSummary(String itemId, long reviews, long positive, long negative, long neutral,
                            double positiveShare, double negativeShare,
                            @Schema(nullable = true) Excerpt mostHelpfulPositive,
                            @Schema(nullable = true) Excerpt mostHelpfulNegative) {

    /**
     * The start of one review.
     *
     * @param text      at most {@code ratings.sentiment.excerpt-length} code points, cut at a word, "…" when cut
     * @param truncated whether the review goes on
     */
    @Schema(description = "The start of one review")
    public record Excerpt(String userId, double rating, String text, boolean truncated, int helpful,
                          double sentimentScore, java.time.Instant updatedAt) {
    }
}
