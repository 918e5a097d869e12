package io.marquee.gateway.user.rest;

import io.marquee.common.problem.Problem;
import io.marquee.gateway.ratelimit.RateLimited;
import io.marquee.gateway.ratelimit.RouteClass;
import io.marquee.gateway.user.client.UserGateway;
import io.marquee.gateway.web.ApiDocs;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/auth}: accounts and sessions, relayed to user-service. Public by nature, so they
 * are the routes with the strictest rate limits ({@link RouteClass#AUTH}, and {@link RouteClass#SIGNUP}
 * for sign-up alone, per client address);
 * user-service adds its own throttle of failed logins per account and per address, which is why
 * the gateway tells it the client's address. Bodies pass through: user-service validates them and
 * its 400 names the field.
 */
@Path("/api/v1/auth")
@Tag(name = "Accounts", description = "Sign up, log in, refresh a session, the token verification keys")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class AuthResource {

    private final UserGateway users;

    AuthResource(UserGateway users) {
        this.users = users;
    }

    @POST
    @Path("/signup")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(RouteClass.SIGNUP)
    @Operation(summary = "Create an account", description = "The email must not be taken; the password needs 8 or more characters")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserSchemas.Signup.class)))
    @APIResponse(responseCode = "201", description = "Created; `Location` is `/api/v1/me`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserSchemas.Profile.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    public Response signup(byte[] body) {
        return users.signup(body);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(RouteClass.AUTH)
    @Operation(summary = "Log in", description = "Exchanges email and password for an access and a refresh token")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserSchemas.Login.class)))
    @APIResponse(responseCode = "200", description = "Logged in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserSchemas.Tokens.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public Response login(byte[] body) {
        return users.login(body);
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(RouteClass.AUTH)
    @Operation(summary = "Refresh a session", description = "Exchanges a refresh token for a new token pair")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserSchemas.Refresh.class)))
    @APIResponse(responseCode = "200", description = "A new session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserSchemas.Tokens.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    public Response refresh(byte[] body) {
        return users.refresh(body);
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(RouteClass.AUTH)
    @Operation(summary = "End a session", description = "Every refresh token of the session stops working; "
            + "answers 204 whether or not the token was known. Access tokens already issued run out within 15 minutes.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserSchemas.Refresh.class)))
    @APIResponse(responseCode = "204", description = "The session is over")
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response logout(byte[] body) {
        return users.logout(body);
    }

    @GET
    @Path("/jwks")
    @Operation(summary = "Token verification keys",
            description = "The public keys (JWKS) that verify access tokens, for clients and services that check tokens themselves")
    @APIResponse(responseCode = "200", description = "The key set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserSchemas.Jwks.class)))
    public Response jwks() {
        return users.jwks();
    }
}
