package io.marquee.user.auth.rest;

import io.marquee.common.problem.Problem;
import io.marquee.user.auth.service.AuthService;
import io.marquee.user.auth.service.SigningKeys;
import io.marquee.user.auth.service.TokenResponse;
import io.marquee.user.web.ClientAddresses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Login, refresh and the JWKS: a thin mapping onto {@link AuthService} and {@link SigningKeys}. */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
@APIResponse(responseCode = "500", description = "Unexpected failure; quote the request id",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuthResource {

    /** Verifiers may cache the keys this long; a new key is announced before it signs (docs/security.md). */
    static final int JWKS_MAX_AGE_SECONDS = 300;

    private final AuthService auth;
    private final SigningKeys keys;
    private final ClientAddresses clients;

    public AuthResource(AuthService auth, SigningKeys keys, ClientAddresses clients) {
        this.auth = auth;
        this.keys = keys;
        this.clients = clients;
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with email and password", description = "Answers an access token (JWT) and a "
            + "single-use refresh token. Repeated failures for one account or from one client address are "
            + "throttled (429 with Retry-After).")
    @APIResponse(responseCode = "200", description = "Tokens",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; `errors` names every bad field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Wrong email or password (the answer does not say which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many failed logins; wait as Retry-After says",
            headers = @Header(name = "Retry-After", description = "Seconds to wait",
                    schema = @Schema(implementation = Long.class)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response login(@Valid @NotNull LoginRequest body, @Context HttpServerRequest request) {
        String client = clients.resolve(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                request.getHeader(ClientAddresses.FORWARDED_FOR));
        return tokens(auth.login(body.email(), body.password(), client));
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a refresh token for new tokens", description = "The refresh token is "
            + "rotated: the answer carries a new one and the old one stops working. Presenting a used one "
            + "again ends the whole session (every token descending from its login).")
    @APIResponse(responseCode = "200", description = "New tokens",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Unknown, expired, revoked or already used refresh token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response refresh(@Valid @NotNull RefreshRequest body) {
        return tokens(auth.refresh(body.refreshToken()));
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End a session", description = "Every refresh token of the session (the login the "
            + "token descends from) stops working. Answers 204 whether or not the token was known. Access tokens "
            + "already issued run out within their lifetime (15 minutes).")
    @APIResponse(responseCode = "204", description = "The session is over")
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response logout(@Valid @NotNull RefreshRequest body) {
        auth.logout(body.refreshToken());
        return Response.noContent().build();
    }

    /** Tokens are credentials: no browser, proxy or CDN may keep a copy of the answer (RFC 6749 5.1). */
    private static Response tokens(TokenResponse tokens) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(tokens).cacheControl(noStore).header("Pragma", "no-cache").build();
    }

    @GET
    @Path("/jwks")
    @Operation(summary = "The public keys that verify access tokens (JWK Set)",
            description = "Point `mp.jwt.verify.publickey.location` of other services here.")
    @APIResponse(responseCode = "200", description = "The JWK Set; tokens name their key in the `kid` header")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(JWKS_MAX_AGE_SECONDS);
        Map<String, Object> jwks = keys.jwks();
        return Response.ok(jwks).cacheControl(cache).build();
    }
}
