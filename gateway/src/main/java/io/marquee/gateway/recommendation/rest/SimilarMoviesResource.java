package io.marquee.gateway.recommendation.rest;

import io.marquee.common.problem.Problem;
import io.marquee.gateway.recommendation.client.RecommendationGateway;
import io.marquee.gateway.web.ApiDocs;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/movies/{id}/similar}: public, under the movie. A token, when sent, is forwarded
 * as for every route, so recommendation-service can put the list in that user's order; the
 * gateway does not check it here, and the service ignores one that does not verify.
 */
@Path("/api/v1/movies")
@Tag(name = "Recommendations")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SimilarMoviesResource {

    private final RecommendationGateway recommendations;

    SimilarMoviesResource(RecommendationGateway recommendations) {
        this.recommendations = recommendations;
    }

    @GET
    @Path("/{id}/similar")
    @Operation(summary = "Movies similar to this one", description = "Public. With my token (optional: one that "
            + "does not verify is ignored) in my order and without the movies I rated")
    @APIResponse(responseCode = "200", description = "The list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecommendationSchemas.RecommendationList.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response similar(
            @PathParam("id") @Parameter(description = ApiDocs.ID_RULE)
            @Pattern(regexp = ApiDocs.ID_PATTERN, message = ApiDocs.ID_MESSAGE) String id,
            @QueryParam("limit") @Parameter(description = "How many movies, 1 to 100, default 25",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @Pattern(regexp = ApiDocs.COUNT_PATTERN, message = ApiDocs.COUNT_MESSAGE) String limit) {
        return recommendations.similar(id, limit);
    }
}
