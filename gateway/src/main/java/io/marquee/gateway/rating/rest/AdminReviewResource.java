package io.marquee.gateway.rating.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.gateway.rating.client.RatingGateway;
import io.marquee.gateway.web.ApiDocs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/admin/reviews}: rating-service's moderation view and sentiment backfill, for
 * tokens with the admin role (checked here and again by rating-service).
 */
@Path("/api/v1/admin/reviews")
@Tag(name = "Review moderation", description = "Admin only: flagged reviews and the sentiment backfill")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = ApiDocs.BEARER)
public class AdminReviewResource {

    private final RatingGateway ratings;

    AdminReviewResource(RatingGateway ratings) {
        this.ratings = ratings;
    }

    @GET
    @Path("/moderation")
    @Operation(summary = "Reviews to look at, newest first",
            description = "Strongly negative reviews, and reviews whose text and stars disagree (5 stars, a very "
                    + "negative text)")
    @APIResponse(responseCode = "200", description = "A page of flagged reviews",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatingSchemas.ModerationPage.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response moderation(
            @QueryParam("cursor") @Parameter(description = ApiDocs.CURSOR_RULE) @Size(max = ApiDocs.CURSOR_MAX) String cursor,
            @QueryParam("limit") @Parameter(description = ApiDocs.LIMIT_RULE,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @Pattern(regexp = ApiDocs.COUNT_PATTERN, message = ApiDocs.COUNT_MESSAGE) String limit) {
        return ratings.moderation(cursor, limit);
    }

    @POST
    @Path("/sentiment-backfill")
    @Operation(summary = "Label existing reviews",
            description = "Starts the backfill in the background (202), or resumes a stopped one where it stopped; "
                    + "a run going on is left alone (200). `mode=missing` (default) labels reviews without a label, "
                    + "`mode=all` relabels every review")
    @APIResponse(responseCode = "202", description = "Started or resumed; its progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatingSchemas.BackfillProgress.class)))
    @APIResponse(responseCode = "200", description = "Already running; its progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatingSchemas.BackfillProgress.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response startBackfill(@QueryParam("mode") @Parameter(description = "missing (default) or all",
            schema = @Schema(enumeration = {"missing", "all"}))
                                  @Pattern(regexp = "missing|all", message = "must be missing or all") String mode) {
        return ratings.startBackfill(mode);
    }

    @GET
    @Path("/sentiment-backfill")
    @Operation(summary = "Progress of the sentiment backfill")
    @APIResponse(responseCode = "200", description = "The last run's progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatingSchemas.BackfillProgress.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response backfillProgress() {
        return ratings.backfillProgress();
    }
}
