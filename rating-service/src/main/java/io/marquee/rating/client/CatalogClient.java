package io.marquee.rating.client;

import io.marquee.common.problem.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of catalog-service's API this service uses. Answers are raw {@link Response}s (the
 * default exception mapper is disabled in configuration) so a 404 is an answer, not an exception.
 * Only {@link CatalogItems} uses it.
 */
@RegisterRestClient(configKey = "catalog")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
interface CatalogClient {

    @GET
    @Path("/items/{id}")
    Response item(@PathParam("id") String id);
}
