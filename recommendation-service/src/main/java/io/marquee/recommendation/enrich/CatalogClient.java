package io.marquee.recommendation.enrich;

import io.marquee.common.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The part of catalog-service this service reads: batch reads and charts. Only {@link Catalog} uses it. */
@RegisterRestClient(configKey = "catalog")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
interface CatalogClient {

    @POST
    @Path("/items/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    Response lookup(Lookup body);

    @GET
    @Path("/charts/{chart}")
    Response chart(@PathParam("chart") String chart, @QueryParam("genre") String genre, @QueryParam("limit") int limit);

    /** The body of a batch read. */
    record Lookup(List<String> ids) {
    }
}
