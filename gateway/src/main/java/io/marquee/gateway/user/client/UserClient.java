package io.marquee.gateway.user.client;

import io.marquee.common.problem.Problem;
import io.marquee.gateway.web.ForwardedHeaders;
import jakarta.ws.rs.Consumes;
import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * user-service's API as the gateway uses it: raw {@link Response}s, relayed unchanged (the default
 * exception mapper is disabled in configuration). Bodies pass through as bytes: user-service
 * validates them and names the bad field. Only {@link UserGateway} uses it.
 */
@RegisterRestClient(configKey = "user")
@RegisterClientHeaders(ForwardedHeaders.class)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
interface UserClient {

    @POST
    @Path("/auth/signup")
    @Consumes(MediaType.APPLICATION_JSON)
    Response signup(byte[] body);

    @POST
    @Path("/auth/login")
    @Consumes(MediaType.APPLICATION_JSON)
    Response login(byte[] body);

    @POST
    @Path("/auth/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    Response refresh(byte[] body);

    @POST
    @Path("/auth/logout")
    @Consumes(MediaType.APPLICATION_JSON)
    Response logout(byte[] body);

    @GET
    @Path("/auth/jwks")
    @Produces({MediaType.APPLICATION_JSON, "application/jwk-set+json", Problem.MEDIA_TYPE})
    Response jwks();

    @GET
    @Path("/me")
    Response me();

    @PATCH
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    Response patchMe(byte[] body);

    @GET
    @Path("/me/history")
    Response history();

    /** Readiness on the service's management interface ({@code gateway.user.management-url}). */
    @GET
    @Path("/q/health/ready")
    Response ready(@Url String managementUrl);
}
