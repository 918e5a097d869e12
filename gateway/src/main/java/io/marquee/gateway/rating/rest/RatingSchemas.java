package io.marquee.gateway.rating.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of rating-service's JSON, for the OpenAPI document only: the gateway relays bodies
 * unchanged and never binds them to these types. They follow the shared API contract of issue 3;
 * change them together with rating-service.
 */
public final class RatingSchemas {

    private RatingSchemas() {
    }

    @Schema(name = "RatingDraft", description = "My rating of a movie, with an optional review")
    record RatingDraft(
            @Schema(required = true, minimum = "0.5", maximum = "5.0", multipleOf = 0.5, examples = "4.5") double rating,
            @Schema(maxLength = 2000, nullable = true,
                    description = "Review text, trimmed; up to 2000 characters; absent or null for none") String review) {
    }

    @Schema(name = "Rating", description = "One user's rating of one movie")
    record Rating(
            String itemId,
            String userId,
            @Schema(minimum = "0.5", maximum = "5.0", examples = "4.5") double rating,
            @Schema(maxLength = 2000, nullable = true) String review,
            @Schema(description = "When first rated") Instant ratedAt,
            Instant updatedAt,
            @Schema(nullable = true, enumeration = {"positive", "negative", "neutral"},
                    description = "Sentiment of the review text, labelled when written; null without text") String sentiment,
            @Schema(nullable = true, minimum = "-1", maximum = "1", description = "-1 very negative to 1 very positive")
            Double sentimentScore,
            @Schema(description = "How many other users marked the review helpful") int helpful) {
    }

    @Schema(name = "RatingPage", description = "One page of my ratings, newest first")
    record RatingPage(
            List<Rating> items,
            @Schema(description = "Pass as `cursor` to get the next page; absent on the last page") String nextCursor) {
    }

    @Schema(name = "ReviewPage", description = "One page of a movie's ratings that carry review text, newest first")
    record ReviewPage(
            List<Rating> items,
            @Schema(description = "Pass as `cursor` to get the next page; absent on the last page") String nextCursor) {
    }

    @Schema(name = "ReviewSummary", description = "A movie's reviews at a glance")
    public record ReviewSummary(
            String itemId,
            @Schema(description = "Labelled reviews counted") long reviews,
            long positive,
            long negative,
            long neutral,
            @Schema(minimum = "0", maximum = "1", description = "Share labelled positive") double positiveShare,
            @Schema(minimum = "0", maximum = "1", description = "Share labelled negative") double negativeShare,
            @Schema(nullable = true, description = "The positive review most users marked helpful") ReviewExcerpt mostHelpfulPositive,
            @Schema(nullable = true, description = "The negative review most users marked helpful") ReviewExcerpt mostHelpfulNegative) {
    }

    @Schema(name = "ReviewExcerpt", description = "The start of one review")
    record ReviewExcerpt(
            String userId,
            double rating,
            @Schema(description = "Up to 280 characters, cut at a word, ending in … when cut") String text,
            boolean truncated,
            int helpful,
            double sentimentScore,
            Instant updatedAt) {
    }

    @Schema(name = "HelpfulVotes", description = "A review's helpful votes after my change")
    record HelpfulVotes(String itemId, String authorId, int helpful,
                        @Schema(description = "Whether I am one of them") boolean mine) {
    }

    @Schema(name = "ModerationEntry", description = "A review flagged for moderation")
    record ModerationEntry(String itemId, String userId, double rating, String review, String sentiment,
                           double sentimentScore,
                           @Schema(description = "`strongly-negative` and/or `stars-disagree` (text and stars point opposite ways)")
                           List<String> reasons,
                           Instant updatedAt) {
    }

    @Schema(name = "ModerationPage", description = "Flagged reviews, newest first")
    record ModerationPage(List<ModerationEntry> items,
                          @Schema(description = "Pass as `cursor` to get the next page; absent on the last page") String nextCursor) {
    }

    @Schema(name = "BackfillProgress", description = "Progress of the review sentiment backfill")
    record BackfillProgress(
            @Schema(enumeration = {"running", "done", "failed"}) String status,
            @Schema(enumeration = {"missing", "all"}) String mode,
            long scanned,
            long labelled,
            Instant startedAt,
            Instant updatedAt,
            @Schema(nullable = true) Instant finishedAt,
            @Schema(nullable = true) String error) {
    }
}
