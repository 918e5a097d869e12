package io.marquee.gateway.home;

import io.marquee.common.problem.Problem;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.web.QueryNumbers;
import io.marquee.common.web.RequestIds;
import io.marquee.gateway.web.ApiDocs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/home}: the whole home page in one call. Public; with a token the personal rows
 * are added (the services behind them check the token themselves).
 */
@Path("/api/v1/home")
@Tag(name = "Home", description = "The composed home page")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class HomeResource {

    /** Also the page size {@link ChartWarmer} keeps the charts warm for: the web app asks for it. */
    static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 50;

    private final HomePage page;

    HomeResource(HomePage page) {
        this.page = page;
    }

    @GET
    @Operation(summary = "The home page's rows",
            description = "Trending, top rated and most viewed for everyone; for a signed-in caller also the personal "
                    + "rows (for you, because you watched …). Rows load in parallel within a budget each "
                    + "(`gateway.home.section-budget`, 250 ms by default); a row that fails or runs late is left out and "
                    + "named in `omitted`, and the page still answers 200, unless an earlier answer stands in: for a "
                    + "chart, its last answer if at most `gateway.home.late-chart-max-age` (10 minutes) old; for a "
                    + "personal row, the same caller's previous answer if at most `gateway.home.late-row-max-age` "
                    + "(2 minutes) old. A caller's personal rows are reused from their "
                    + "answer of the last 30 s (`gateway.home.reuse-personal-rows-for`, refreshed in the background past "
                    + "5 s) unless the caller wrote something through the gateway (a rating, a click) in the last "
                    + "3 s before that answer was made, or sends `Cache-Control: no-cache`: then they load afresh.")
    @APIResponse(responseCode = "200", description = "The rows that made it, in page order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Home.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Home home(
            @QueryParam("limit") @Parameter(description = "Movies per row, 1 to 50 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50")) String limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl,
            @Context ContainerRequestContext request) {
        Object requestId = request.getProperty(RequestIds.CONTEXT_PROPERTY);
        Viewer viewer = new Viewer(bearer(authorization), requestId == null ? null : requestId.toString(),
                revalidate(cacheControl));
        return page.compose(viewer, limit(limit));
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        Integer limit = QueryNumbers.inRange(text, 1, MAX_LIMIT);
        if (limit == null) {
            throw new ProblemException(400, "Invalid request", "limit must be a whole number from 1 to " + MAX_LIMIT,
                    List.of(new Problem.FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT)));
        }
        return limit;
    }

    /** {@code no-cache} or {@code max-age=0} (what a browser sends on reload): the client wants fresh rows. */
    private static boolean revalidate(String cacheControl) {
        if (cacheControl == null) {
            return false;
        }
        String directives = cacheControl.toLowerCase(Locale.ROOT).replace(" ", "");
        return directives.contains("no-cache") || directives.contains("max-age=0");
    }

    /** Only a bearer token is passed on; anything else in Authorization is ignored, as on public routes. */
    static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.length() > 8192) {
            return Optional.empty();
        }
        return Optional.of(authorization);
    }
}
