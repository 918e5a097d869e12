package io.marquee.gateway.rating.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of rating-service's JSON, for the OpenAPI document only: the gateway relays bodies
 * unchanged and never binds them to these types. They follow the shared API contract of issue 3;
 * change them together with rating-service.
 */
final class RatingSchemas {

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
            Instant updatedAt) {
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
}
