package io.marquee.gateway.catalog.rest;

import io.marquee.common.problem.Problem;
import io.marquee.gateway.catalog.client.CatalogGateway;
import io.marquee.gateway.web.ApiDocs;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

/** {@code /api/v1/charts/{name}}: catalog-service's charts, relayed. Public. */
@Path("/api/v1/charts")
@Tag(name = "Charts", description = "Most viewed, top rated (damped average) and trending movies")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ChartResource {

    /** The charts there are; anything else is refused here, naming the parameter. */
    static final String NAMES = "most-viewed|top-rated|trending";

    private final CatalogGateway catalog;

    ChartResource(CatalogGateway catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "A chart of movies",
            description = "`top-rated` ranks by a damped (Bayesian) average, so one 5-star rating does not top it; "
                    + "`trending` by the rise in recent interactions")
    @APIResponse(responseCode = "200", description = "The chart, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MovieSchemas.Chart.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response chart(
            @PathParam("name") @Parameter(description = "Which chart",
                    schema = @Schema(enumeration = {"most-viewed", "top-rated", "trending"}))
            @Pattern(regexp = NAMES, message = "must be most-viewed, top-rated or trending") String name,
            @QueryParam("limit") @Parameter(description = ApiDocs.LIMIT_RULE,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @Pattern(regexp = ApiDocs.COUNT_PATTERN, message = ApiDocs.COUNT_MESSAGE) String limit,
            @QueryParam("genre") @Parameter(description = "Only movies of this MovieLens genre, e.g. Comedy")
            @Size(max = 64) String genre) {
        return catalog.chart(name, limit, genre);
    }
}
