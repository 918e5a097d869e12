package io.marquee.recommendation.foryou;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.recommendation.caller.CurrentUser;
import io.marquee.recommendation.config.RecommendationsConfig;
import io.marquee.recommendation.enrich.RecommendationList;
import io.marquee.recommendation.web.Params;
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

/** "For you" over HTTP: a thin mapping onto {@link ForYouService}. */
@Path("/recommendations/for-you")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class ForYouResource {

    public static final String BEARER = "bearer";

    private final ForYouService forYou;
    private final CurrentUser user;
    private final RecommendationsConfig config;

    public ForYouResource(ForYouService forYou, CurrentUser user, RecommendationsConfig config) {
        this.forYou = forYou;
        this.user = user;
        this.config = config;
    }

    @GET
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = BEARER)
    @Operation(summary = "Titles for me, best first, without those I rated",
            description = "`source` (and the X-Recommendation-Source header) says which campaign and filter made "
                    + "the list, or that the fallback did and why.")
    @APIResponse(responseCode = "200", description = "The list",
            content = @Content(schema = @Schema(implementation = RecommendationList.class)))
    @APIResponse(responseCode = "400", description = "Unknown genre, year outside 1870..2100 or limit outside 1..100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "catalog- or rating-service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecommendationList forYou(
            @QueryParam("genre") @Parameter(description = "A MovieLens genre name, any case") String genre,
            @QueryParam("year") @Parameter(description = "Release year, 1870..2100") String year,
            @QueryParam("limit") @Parameter(description = "How many titles, 1..100, default 25") String limit) {
        Params params = new Params();
        String canonicalGenre = params.genre(genre);
        Integer releaseYear = params.year(year);
        int size = params.count("limit", limit, config.limit().defaultSize(), config.limit().maxSize());
        params.check();
        return forYou.forYou(user.required(), canonicalGenre, releaseYear, size);
    }
}
