package io.marquee.gateway.catalog.client;

import io.marquee.common.problem.Problem;
import io.marquee.common.web.RequestIds;
import io.marquee.gateway.web.ForwardedHeaders;
import jakarta.ws.rs.Consumes;
import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * catalog-service's API as the gateway uses it. Answers are raw {@link Response}s (the default
 * exception mapper is disabled in configuration) so status, Content-Type and body can be relayed
 * unchanged. Only {@link CatalogGateway} uses it.
 */
@RegisterRestClient(configKey = "catalog")
@RegisterClientHeaders(ForwardedHeaders.class)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
interface CatalogClient {

    @GET
    @Path("/items/{id}")
    Response item(@PathParam("id") String id);

    @GET
    @Path("/items")
    Response items(@QueryParam("genre") String genre, @QueryParam("year") String year,
                   @QueryParam("limit") String limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/items/search")
    Response search(@QueryParam("q") String q, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/charts/{name}")
    Response chart(@PathParam("name") String name, @QueryParam("limit") String limit, @QueryParam("genre") String genre);

    /** A chart for a caller off the request thread (the home page's rows): the request id is passed explicitly. */
    @GET
    @Path("/charts/{name}")
    Response chart(@PathParam("name") String name, @QueryParam("limit") int limit,
                   @HeaderParam(RequestIds.HEADER) String requestId);

    @PUT
    @Path("/items/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response put(@PathParam("id") String id, byte[] item);

    @POST
    @Path("/items/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    Response batch(byte[] items);

    /** Readiness on the service's management interface ({@code gateway.catalog.management-url}). */
    @GET
    @Path("/q/health/ready")
    Response ready(@Url String managementUrl);
}
