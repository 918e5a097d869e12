package io.marquee.recommendation.because;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.recommendation.caller.CurrentUser;
import io.marquee.recommendation.config.RecommendationsConfig;
import io.marquee.recommendation.foryou.ForYouResource;
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

/** "Because you watched" over HTTP: a thin mapping onto {@link BecauseService}. */
@Path("/recommendations/because-you-watched")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class BecauseResource {

    private final BecauseService because;
    private final CurrentUser user;
    private final RecommendationsConfig config;

    public BecauseResource(BecauseService because, CurrentUser user, RecommendationsConfig config) {
        this.because = because;
        this.user = user;
        this.config = config;
    }

    @GET
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = ForYouResource.BEARER)
    @Operation(summary = "Rows of titles similar to my most recent titles",
            description = "One row per recent title (viewed or rated), named after it; no title twice. No rows "
                    + "without history (`source` is `history:empty`).")
    @APIResponse(responseCode = "200", description = "The rows",
            content = @Content(schema = @Schema(implementation = BecauseYouWatched.class)))
    @APIResponse(responseCode = "400", description = "rows outside 1..10 or limit outside 1..25",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "catalog-, rating- or user-service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BecauseYouWatched rows(
            @QueryParam("rows") @Parameter(description = "How many rows, 1..10, default 3") String rows,
            @QueryParam("limit") @Parameter(description = "Titles per row, 1..25, default 10") String limit) {
        RecommendationsConfig.Because limits = config.because();
        Params params = new Params();
        int rowCount = params.count("rows", rows, limits.defaultRows(), limits.maxRows());
        int perRow = params.count("limit", limit, limits.defaultPerRow(), limits.maxPerRow());
        params.check();
        return because.rows(user.required(), rowCount, perRow);
    }
}
