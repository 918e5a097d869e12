package io.marquee.gateway.ingest.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.security.Roles;
import io.marquee.gateway.ingest.client.IngestGateway;
import io.marquee.gateway.web.ApiDocs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/me/sessions}: my sessions from event-ingest-service; the forwarded token says
 * whose. Under {@code /api/v1/me} like the other "me" resources, so JAX-RS finds it there.
 */
@Path("/api/v1/me")
@Tag(name = "Events")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@SecurityRequirement(name = ApiDocs.BEARER)
public class MySessionsResource {

    private final IngestGateway ingest;

    MySessionsResource(IngestGateway ingest) {
        this.ingest = ingest;
    }

    @GET
    @Path("/sessions")
    @RolesAllowed(Roles.USER)
    @Operation(summary = "My recent sessions", description = "Closed sessions, newest first")
    @APIResponse(responseCode = "200", description = "My sessions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IngestSchemas.Sessions.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response mine(@QueryParam("limit") @Parameter(description = "How many, 1 to 100 (default 20)",
                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                         @Pattern(regexp = ApiDocs.COUNT_PATTERN, message = ApiDocs.COUNT_MESSAGE) String limit) {
        return ingest.mySessions(limit);
    }
}
