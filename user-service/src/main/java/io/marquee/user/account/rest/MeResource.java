package io.marquee.user.account.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.user.account.service.AccountService;
import io.marquee.user.account.service.Profile;
import io.marquee.user.web.ClientAddresses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own profile. Whose profile is decided only by the token's {@code sub}: there is no
 * user id in the path a caller could change.
 */
@Path("/me")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The signed-in user's profile and history")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid access token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "500", description = "Unexpected failure; quote the request id",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MeResource {

    private final AccountService accounts;
    private final JsonWebToken token;
    private final ClientAddresses clients;

    public MeResource(AccountService accounts, JsonWebToken token, ClientAddresses clients) {
        this.accounts = accounts;
        this.token = token;
        this.clients = clients;
    }

    @GET
    @Operation(summary = "My profile")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = Profile.class)))
    @APIResponse(responseCode = "404", description = "The token names an account that does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Profile get() {
        return accounts.profile(token.getSubject());
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change my profile", description = "Only the fields present change. A new `email` or "
            + "`password` needs `currentPassword` and ends all earlier sessions (refresh tokens).")
    @APIResponse(responseCode = "200", description = "The changed profile",
            content = @Content(schema = @Schema(implementation = Profile.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a wrong `currentPassword`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong current passwords; wait as Retry-After says",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The new email address is already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Profile patch(@Valid @NotNull ProfilePatch body, @Context HttpServerRequest request) {
        String client = clients.resolve(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                request.getHeader(ClientAddresses.FORWARDED_FOR));
        return accounts.patch(token.getSubject(), body.name(), body.age(), body.gender(), body.email(),
                body.password(), body.currentPassword(), client);
    }
}
