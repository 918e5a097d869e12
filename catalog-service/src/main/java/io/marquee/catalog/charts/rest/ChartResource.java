package io.marquee.catalog.charts.rest;

import io.marquee.catalog.charts.service.Chart;
import io.marquee.catalog.charts.service.ChartService;
import io.marquee.common.problem.Problem;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Charts over HTTP: a thin mapping onto {@link ChartService}. */
@Path("/charts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Charts", description = "Most viewed, top rated (damped average) and trending items")
public class ChartResource {

    private final ChartService charts;

    public ChartResource(ChartService charts) {
        this.charts = charts;
    }

    @GET
    @Path("/{chart}")
    @Operation(summary = "One chart, best first, optionally within a genre")
    @APIResponse(responseCode = "200", description = "The chart",
            content = @Content(schema = @Schema(implementation = Chart.class)))
    @APIResponse(responseCode = "400", description = "Unknown genre or limit outside 1..100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such chart",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Chart chart(
            @PathParam("chart") @Parameter(description = "most-viewed, top-rated or trending") String chart,
            @QueryParam("genre") @Parameter(description = "A MovieLens genre name, any case") String genre,
            @QueryParam("limit") @Parameter(description = "How many entries, 1..100, default 20") String limit) {
        return charts.chart(chart, genre, limit);
    }
}
