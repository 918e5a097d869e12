package io.marquee.gateway.recommendation.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of recommendation-service's JSON, for the OpenAPI document only: the gateway relays
 * bodies unchanged and never binds them to these types; change them together with
 * recommendation-service.
 */
final class RecommendationSchemas {

    private RecommendationSchemas() {
    }

    @Schema(name = "RecommendedMovie", description = "One movie of a list, with the catalog's figures")
    record RecommendedMovie(
            String id, String title, Integer year, List<String> genres,
            @Schema(nullable = true, description = "Average rating; null when unrated") Double ratingAverage,
            long ratingCount,
            @Schema(nullable = true, description = "Personalize's score; null in a fallback answer") Double score) {
    }

    @Schema(name = "RecommendationList", description = "Movies, best first. The same `source` is in the "
            + "X-Recommendation-Source header.")
    record RecommendationList(
            @Schema(description = "How the list was made: `campaign:<arn>` [`filter:<arn>`] [`ranked-by:<arn>`], or "
                    + "`fallback:<reason> chart:top-rated` when Personalize could not answer",
                    examples = "campaign:arn:aws:personalize:us-east-1:000000000000:campaign/marquee-for-you")
            String source,
            @Schema(nullable = true, description = "Personalize's recommendationId, to send impressions and clicks "
                    + "back with; absent in a fallback answer") String recommendationId,
            List<RecommendedMovie> items) {
    }

    @Schema(name = "RankRequest", description = "My movies to put in my order")
    record RankRequest(
            @Schema(required = true, minItems = 1, maxItems = 500, description = "Item ids, each once") List<String> itemIds) {
    }

    @Schema(name = "BecauseYouWatchedRow", description = "Movies similar to one of my recent movies")
    record Row(String seedId, String seedTitle, String source,
               @Schema(nullable = true) String recommendationId, List<RecommendedMovie> items) {
    }

    @Schema(name = "BecauseYouWatched", description = "One row per recent movie, newest first; no movie twice")
    record BecauseYouWatched(
            @Schema(description = "The rows' sources, each once, `; `-separated; `history:empty` without history")
            String source,
            List<Row> rows) {
    }
}
