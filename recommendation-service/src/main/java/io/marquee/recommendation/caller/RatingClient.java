package io.marquee.recommendation.caller;

import io.marquee.common.problem.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The part of rating-service this service reads: the caller's own ratings, with the caller's token. */
@RegisterRestClient(configKey = "rating")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
interface RatingClient {

    @GET
    @Path("/me/ratings")
    Response myRatings(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                       @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);
}
