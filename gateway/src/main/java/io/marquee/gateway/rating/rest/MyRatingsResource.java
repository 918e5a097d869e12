package io.marquee.gateway.rating.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.gateway.rating.client.RatingGateway;
import io.marquee.gateway.web.ApiDocs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
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

/** {@code /api/v1/me/ratings}: every rating of mine, from rating-service. */
@Path("/api/v1/me")
@Tag(name = "Me")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class MyRatingsResource {

    private final RatingGateway ratings;

    MyRatingsResource(RatingGateway ratings) {
        this.ratings = ratings;
    }

    @GET
    @Path("/ratings")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(summary = "My ratings", description = "Newest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of my ratings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatingSchemas.RatingPage.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response mine(
            @QueryParam("cursor") @Parameter(description = ApiDocs.CURSOR_RULE)
            @Size(max = ApiDocs.CURSOR_MAX) String cursor,
            @QueryParam("limit") @Parameter(description = ApiDocs.LIMIT_RULE,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @Pattern(regexp = ApiDocs.COUNT_PATTERN, message = ApiDocs.COUNT_MESSAGE) String limit) {
        return ratings.myRatings(cursor, limit);
    }
}
