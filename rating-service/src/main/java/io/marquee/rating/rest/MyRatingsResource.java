package io.marquee.rating.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.rating.service.RatingPage;
import io.marquee.rating.service.RatingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** My ratings over HTTP: a thin mapping onto {@link RatingService}. */
@Path("/me/ratings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings")
public class MyRatingsResource {

    private final RatingService ratings;
    private final CurrentUser user;

    public MyRatingsResource(RatingService ratings, CurrentUser user) {
        this.ratings = ratings;
        this.user = user;
    }

    @GET
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = RatingResource.BEARER)
    @Operation(summary = "My ratings, newest first",
            description = "Pages are at most `limit` long; pass `nextCursor` back as `cursor` for the next page.")
    @APIResponse(responseCode = "200", description = "A page of my ratings",
            content = @Content(schema = @Schema(implementation = RatingPage.class)))
    @APIResponse(responseCode = "400", description = "Limit outside 1..100, or a cursor that is malformed or "
            + "belongs to another listing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RatingPage mine(
            @QueryParam("limit") @Parameter(description = "Page size, 1..100, default 20") String limit,
            @QueryParam("cursor") @Parameter(description = "`nextCursor` of the previous page") String cursor) {
        return ratings.mine(user.id(), limit, cursor);
    }
}
