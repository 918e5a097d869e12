package io.marquee.rating.review.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.security.Roles;
import io.marquee.rating.rest.RatingResource;
import io.marquee.rating.review.service.BackfillProgress;
import io.marquee.rating.review.service.ModerationEntry;
import io.marquee.rating.review.service.ReviewService;
import io.marquee.rating.review.service.SentimentBackfill;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What admins (the {@code admin} role in the token's groups) see and run about reviews. */
@Path("/admin/reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = RatingResource.BEARER)
@Tag(name = "Review moderation", description = "Admin only: flagged reviews, the sentiment backfill")
@APIResponse(responseCode = "401", description = "No valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the admin role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminReviewResource {

    private final ReviewService reviews;
    private final SentimentBackfill backfill;

    public AdminReviewResource(ReviewService reviews, SentimentBackfill backfill) {
        this.reviews = reviews;
        this.backfill = backfill;
    }

    @GET
    @Path("/moderation")
    @Operation(summary = "Reviews to look at, newest first",
            description = "Strongly negative reviews (`strongly-negative`) and reviews whose text and stars "
                    + "disagree, such as 5 stars with a very negative text (`stars-disagree`).")
    @APIResponse(responseCode = "200", description = "A page of flagged reviews",
            content = @Content(schema = @Schema(implementation = ModerationEntry.Page.class)))
    @APIResponse(responseCode = "400", description = "Bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ModerationEntry.Page moderation(
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20") String limit,
            @QueryParam("cursor") @Parameter(description = "`nextCursor` of the previous page") String cursor) {
        return reviews.moderation(limit, cursor);
    }

    @POST
    @Path("/sentiment-backfill")
    @Operation(summary = "Label existing reviews",
            description = "Starts a run in the background, or resumes a stopped one where it stopped; a run going "
                    + "on is left alone. `mode=missing` (default) labels reviews without a label, `mode=all` "
                    + "relabels every review. Rerunnable: a finished run started again begins anew.")
    @APIResponse(responseCode = "202", description = "Started or resumed; its progress",
            content = @Content(schema = @Schema(implementation = BackfillProgress.class)))
    @APIResponse(responseCode = "200", description = "A run is already going on; its progress",
            content = @Content(schema = @Schema(implementation = BackfillProgress.class)))
    @APIResponse(responseCode = "400", description = "Bad mode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response startBackfill(@QueryParam("mode") @Parameter(description = "missing (default) or all",
            schema = @Schema(enumeration = {"missing", "all"})) String mode) {
        SentimentBackfill.Start start = backfill.start(mode);
        return Response.status(start.started() ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(start.progress()).build();
    }

    @GET
    @Path("/sentiment-backfill")
    @Operation(summary = "Progress of the sentiment backfill")
    @APIResponse(responseCode = "200", description = "The last run's progress",
            content = @Content(schema = @Schema(implementation = BackfillProgress.class)))
    @APIResponse(responseCode = "404", description = "No backfill has run yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BackfillProgress backfillProgress() {
        BackfillProgress progress = backfill.progress();
        if (progress == null) {
            throw ProblemException.notFound("No sentiment backfill has run yet");
        }
        return progress;
    }
}
