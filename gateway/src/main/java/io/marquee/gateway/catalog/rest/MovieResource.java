package io.marquee.gateway.catalog.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.gateway.catalog.client.CatalogGateway;
import io.marquee.gateway.rating.client.RatingGateway;
import io.marquee.gateway.web.ApiDocs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/movies}: catalog-service's items. The gateway rejects what is certainly garbage
 * (malformed ids, non-numeric limits) and relays everything else to catalog-service unchanged.
 * Admin writes need a token with the admin role here already; catalog-service checks again.
 * ({@code /movies/{id}/rating|reviews} are rating-service's, see the rating feature.)
 */
@Path("/api/v1/movies")
@Tag(name = "Movies", description = "The catalog: movies by id, by genre and year")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class MovieResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CatalogGateway catalog;
    private final RatingGateway ratings;

    MovieResource(CatalogGateway catalog, RatingGateway ratings) {
        this.catalog = catalog;
        this.ratings = ratings;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One movie, with its rating and view counts and its review summary",
            description = "`reviewSummary` (shares of positive and negative reviews, the most helpful excerpt of each) "
                    + "is left out when rating-service does not answer within a short deadline")
    @APIResponse(responseCode = "200", description = "The movie",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MovieSchemas.Movie.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response movie(@PathParam("id") @Parameter(description = ApiDocs.ID_RULE)
                          @Pattern(regexp = ApiDocs.ID_PATTERN, message = ApiDocs.ID_MESSAGE) String id) {
        Response movie = catalog.item(id);
        if (movie.getStatus() != Response.Status.OK.getStatusCode() || !(movie.getEntity() instanceof byte[] body)) {
            return movie;
        }
        // Asked only once the movie exists, with its own short deadline: without an answer in time
        // the movie goes out without its summary rather than late.
        return ratings.summaryForItemPage(id).map(summary -> withSummary(movie, body, summary)).orElse(movie);
    }

    private static Response withSummary(Response movie, byte[] body, JsonNode summary) {
        try {
            JsonNode tree = JSON.readTree(body);
            if (!(tree instanceof ObjectNode object)) {
                return movie;
            }
            object.set("reviewSummary", summary);
            return Response.fromResponse(movie).entity(JSON.writeValueAsBytes(object)).build();
        } catch (IOException e) {
            return movie;
        }
    }

    @GET
    @Path("/search")
    @Operation(summary = "Search movies by title",
            description = "Every word of the title is searchable, ignoring case and accents; the last word also "
                    + "matches as a prefix (type-ahead). Whole-word matches come first, then popular titles.")
    @APIResponse(responseCode = "200", description = "A page of matches, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MovieSchemas.SearchResults.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response search(
            @QueryParam("q") @Parameter(description = "Words of the title, e.g. `toy sto`", required = true)
            @Size(max = 200) String q,
            @QueryParam("limit") @Parameter(description = "How many results, 1 to 50, default 10",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50"))
            @Pattern(regexp = ApiDocs.COUNT_PATTERN, message = ApiDocs.COUNT_MESSAGE) String limit,
            @QueryParam("cursor") @Parameter(description = ApiDocs.CURSOR_RULE)
            @Size(max = ApiDocs.CURSOR_MAX) String cursor) {
        return catalog.search(q, limit, cursor);
    }

    @GET
    @Operation(summary = "Browse movies", description = "Filtered by genre and year, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of movies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MovieSchemas.MoviePage.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response movies(
            @QueryParam("genre") @Parameter(description = "A MovieLens genre name, e.g. Comedy")
            @Size(max = 64) String genre,
            @QueryParam("year") @Parameter(description = "Release year", schema = @Schema(type = SchemaType.INTEGER))
            @Pattern(regexp = "[0-9]{1,4}", message = "must be a year, e.g. 1995") String year,
            @QueryParam("limit") @Parameter(description = "Page size; catalog-service caps it",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @Pattern(regexp = "[0-9]{1,9}", message = "must be a whole number") String limit,
            @QueryParam("cursor") @Parameter(description = "`nextCursor` of the previous page")
            @Size(max = 1024) String cursor) {
        return catalog.items(genre, year, limit, cursor);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(summary = "Create or replace a movie (admin)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MovieSchemas.MovieDraft.class)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MovieSchemas.Movie.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MovieSchemas.Movie.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response put(@PathParam("id") @Parameter(description = ApiDocs.ID_RULE)
                        @Pattern(regexp = ApiDocs.ID_PATTERN, message = ApiDocs.ID_MESSAGE) String id,
                        byte[] movie, @Context UriInfo uri) {
        Response answer = catalog.put(id, movie);
        if (answer.getStatus() == Response.Status.CREATED.getStatusCode()) {
            // catalog-service's Location names its internal path; the client's is this one.
            return Response.fromResponse(answer).location(uri.getAbsolutePath()).build();
        }
        return answer;
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(summary = "Create or replace up to 100 movies (admin)",
            description = "All are validated first and nothing is written if any is invalid")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MovieSchemas.MovieBatch.class)))
    @APIResponse(responseCode = "200", description = "Written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MovieSchemas.MovieBatchResult.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response batch(byte[] movies) {
        return catalog.batch(movies);
    }
}
