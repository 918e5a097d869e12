package io.marquee.recommendation.rank;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.recommendation.caller.CurrentUser;
import io.marquee.recommendation.enrich.RecommendationList;
import io.marquee.recommendation.foryou.ForYouResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Personal ranking over HTTP: a thin mapping onto {@link RankService}. */
@Path("/recommendations/rank")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class RankResource {

    private final RankService rank;
    private final CurrentUser user;

    public RankResource(RankService rank, CurrentUser user) {
        this.rank = rank;
        this.user = user;
    }

    @POST
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = ForYouResource.BEARER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "My order of up to 500 titles, with scores",
            description = "Titles the catalog does not know are left out.")
    @APIResponse(responseCode = "200", description = "The titles in my order",
            content = @Content(schema = @Schema(implementation = RecommendationList.class)))
    @APIResponse(responseCode = "400", description = "No ids, more than 500, malformed or repeated ids; `errors` "
            + "names each as `itemIds[i]`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "catalog-service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecommendationList rank(@NotNull RankRequest body) {
        return rank.rank(user.required(), body);
    }
}
