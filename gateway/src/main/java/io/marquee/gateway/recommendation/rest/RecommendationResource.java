package io.marquee.gateway.recommendation.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.gateway.recommendation.client.RecommendationGateway;
import io.marquee.gateway.web.ApiDocs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/recommendations/*}: my lists from recommendation-service, for the user the token names. */
@Path("/api/v1/recommendations")
@Tag(name = "Recommendations", description = "For you, because you watched, my order of a list, similar movies")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class RecommendationResource {

    private final RecommendationGateway recommendations;

    RecommendationResource(RecommendationGateway recommendations) {
        this.recommendations = recommendations;
    }

    @GET
    @Path("/for-you")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(summary = "Movies for me", description = "Best first, without the movies I rated; `source` says "
            + "which campaign and filter made the list, or that the fallback did and why")
    @APIResponse(responseCode = "200", description = "The list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecommendationSchemas.RecommendationList.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response forYou(
            @QueryParam("genre") @Parameter(description = "A MovieLens genre name, e.g. Comedy") @Size(max = 64) String genre,
            @QueryParam("year") @Parameter(description = "Release year",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1870", maximum = "2100"))
            @Pattern(regexp = ApiDocs.COUNT_PATTERN, message = ApiDocs.COUNT_MESSAGE) String year,
            @QueryParam("limit") @Parameter(description = "How many movies, 1 to 100, default 25",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @Pattern(regexp = ApiDocs.COUNT_PATTERN, message = ApiDocs.COUNT_MESSAGE) String limit) {
        return recommendations.forYou(genre, year, limit);
    }

    @GET
    @Path("/because-you-watched")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(summary = "Because I watched…", description = "One row of similar movies per movie I viewed or "
            + "rated most recently, named after it; no movie twice, none I rated")
    @APIResponse(responseCode = "200", description = "The rows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecommendationSchemas.BecauseYouWatched.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response becauseYouWatched(
            @QueryParam("rows") @Parameter(description = "How many rows, 1 to 10, default 3",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10"))
            @Pattern(regexp = ApiDocs.COUNT_PATTERN, message = ApiDocs.COUNT_MESSAGE) String rows,
            @QueryParam("limit") @Parameter(description = "Movies per row, 1 to 25, default 10",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "25"))
            @Pattern(regexp = ApiDocs.COUNT_PATTERN, message = ApiDocs.COUNT_MESSAGE) String limit) {
        return recommendations.becauseYouWatched(rows, limit);
    }

    @POST
    @Path("/rank")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(summary = "Put my movies in my order", description = "Up to 500 item ids, each once; answered "
            + "in my order with scores. Ids the catalog does not know are left out.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecommendationSchemas.RankRequest.class)))
    @APIResponse(responseCode = "200", description = "The movies in my order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecommendationSchemas.RecommendationList.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response rank(byte[] body) {
        return recommendations.rank(body);
    }
}
