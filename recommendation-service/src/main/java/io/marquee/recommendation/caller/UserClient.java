package io.marquee.recommendation.caller;

import io.marquee.common.problem.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The part of user-service this service reads: the caller's recent titles, with the caller's token. */
@RegisterRestClient(configKey = "user")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
interface UserClient {

    @GET
    @Path("/me/history")
    Response history(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
