package io.marquee.gateway.user.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.gateway.user.client.UserGateway;
import io.marquee.gateway.web.ApiDocs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/me}: the caller's own account, relayed to user-service with the caller's token,
 * which names whose account it is. A valid token is checked here first; user-service checks again.
 * ({@code /me/ratings} is rating-service's, see the rating feature.)
 */
@Path("/api/v1/me")
@Tag(name = "Me", description = "My profile, history and ratings")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.USER)
@SecurityRequirement(name = ApiDocs.BEARER)
public class MeResource {

    private final UserGateway users;

    MeResource(UserGateway users) {
        this.users = users;
    }

    @GET
    @Operation(summary = "My profile")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserSchemas.Profile.class)))
    public Response me() {
        return users.me();
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change my profile", description = "Only the fields sent change; email and password cannot be changed here")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserSchemas.ProfilePatch.class)))
    @APIResponse(responseCode = "200", description = "The changed profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserSchemas.Profile.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response patch(byte[] body) {
        return users.patchMe(body);
    }

    @GET
    @Path("/history")
    @Operation(summary = "What I viewed and rated lately")
    @APIResponse(responseCode = "200", description = "Recently viewed (last 50) and recently rated movies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserSchemas.History.class)))
    public Response history() {
        return users.history();
    }
}
