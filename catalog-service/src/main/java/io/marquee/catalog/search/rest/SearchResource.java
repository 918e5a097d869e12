package io.marquee.catalog.search.rest;

import io.marquee.catalog.search.service.SearchResult;
import io.marquee.catalog.search.service.SearchService;
import io.marquee.common.problem.Problem;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Title search over HTTP: a thin mapping onto {@link SearchService}. */
@Path("/items/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Find items by title words, with type-ahead")
public class SearchResource {

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @Operation(summary = "Search items by title",
            description = "Case and accents are ignored; the last word also matches the start of a title word. "
                    + "Exact titles first, then titles holding every word, then prefix matches; ties by popularity.")
    @APIResponse(responseCode = "200", description = "A page of the best matches, best first; empty when nothing matches",
            content = @Content(schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(responseCode = "400", description = "q empty, longer than 200 characters, more than 8 words, "
            + "without a letter or digit, or with control characters; limit outside 1..50; or a cursor that is "
            + "malformed or belongs to another query",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchResult search(
            @QueryParam("q") @Parameter(description = "Words of the title, e.g. `star wa`", required = true) String q,
            @QueryParam("limit") @Parameter(description = "How many results, 1..50, default 10") String limit,
            @QueryParam("cursor") @Parameter(description = "`nextCursor` of the previous page, with the same q") String cursor) {
        return search.search(q, limit, cursor);
    }
}
