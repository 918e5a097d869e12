package io.marquee.recommendation.similar;

import io.marquee.common.problem.Problem;
import io.marquee.recommendation.caller.CurrentUser;
import io.marquee.recommendation.config.RecommendationsConfig;
import io.marquee.recommendation.enrich.RecommendationList;
import io.marquee.recommendation.foryou.ForYouResource;
import io.marquee.recommendation.web.Params;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/** Similar titles over HTTP: a thin mapping onto {@link SimilarService}; anonymous or logged in. */
@Path("/items/{id}/similar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class SimilarResource {

    private final SimilarService similar;
    private final CurrentUser user;
    private final RecommendationsConfig config;

    public SimilarResource(SimilarService similar, CurrentUser user, RecommendationsConfig config) {
        this.similar = similar;
        this.user = user;
        this.config = config;
    }

    @GET
    @SecurityRequirement(name = ForYouResource.BEARER)
    @Operation(summary = "Titles similar to this one",
            description = "Anonymous callers get the similar-items list; with a valid token it is put in the "
                    + "caller's order and their rated titles are left out. A token that does not verify is ignored.")
    @APIResponse(responseCode = "200", description = "The list",
            content = @Content(schema = @Schema(implementation = RecommendationList.class)))
    @APIResponse(responseCode = "400", description = "Malformed id or limit outside 1..100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such title",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "catalog-service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecommendationList similar(
            @PathParam("id") @Parameter(description = "Item id, " + Params.ITEM_ID_REGEX) String id,
            @QueryParam("limit") @Parameter(description = "How many titles, 1..100, default 25") String limit) {
        Params params = new Params();
        String itemId = params.itemId("id", id);
        int size = params.count("limit", limit, config.limit().defaultSize(), config.limit().maxSize());
        params.check();
        return similar.similar(itemId, user.optional(), size);
    }
}
