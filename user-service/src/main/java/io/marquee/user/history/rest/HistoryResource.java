package io.marquee.user.history.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.user.history.service.History;
import io.marquee.user.history.service.HistoryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's recently viewed and rated items; whose is decided only by the token's {@code sub}. */
@Path("/me/history")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@SecurityRequirement(name = "bearer")
public class HistoryResource {

    private final HistoryService history;
    private final JsonWebToken token;

    public HistoryResource(HistoryService history, JsonWebToken token) {
        this.history = history;
        this.token = token;
    }

    @GET
    @Operation(summary = "My recently viewed and rated items",
            description = "Newest first, one entry per item, at most 50 of each. Built from the interaction "
                    + "events, so an event shows up here moments after it happened.")
    @APIResponse(responseCode = "200", description = "The two lists",
            content = @Content(schema = @Schema(implementation = History.class)))
    @APIResponse(responseCode = "401", description = "No valid access token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public History get() {
        return history.of(token.getSubject());
    }
}
