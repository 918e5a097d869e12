package io.marquee.user.account.rest;

import io.marquee.common.problem.Problem;
import io.marquee.user.account.service.AccountService;
import io.marquee.user.account.service.Profile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Creating an account: a thin mapping onto {@link AccountService}. */
@Path("/auth/signup")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth", description = "Sign-up, login, token refresh and the public keys that verify tokens")
@APIResponse(responseCode = "500", description = "Unexpected failure; quote the request id",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SignupResource {

    private final AccountService accounts;

    public SignupResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account", description = "Log in afterwards to get tokens.")
    @APIResponse(responseCode = "201", description = "Created; the new profile, `Location` is `/me`",
            headers = @Header(name = "Location", description = "Where the profile lives once logged in",
                    schema = @Schema(implementation = String.class)),
            content = @Content(schema = @Schema(implementation = Profile.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; `errors` names every bad field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The email address is already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response signUp(@Valid @NotNull SignupRequest body) {
        Profile profile = accounts.signUp(body.name(), body.age(), body.gender(), body.email(), body.password());
        return Response.created(URI.create("/me")).entity(profile).build();
    }
}
