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

/** {@code GET /api/v1/admin/sessions/analytics}: session analytics from event-ingest-service, for admins. */
@Path("/api/v1/admin/sessions")
@Tag(name = "Events")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@SecurityRequirement(name = ApiDocs.BEARER)
public class SessionAnalyticsResource {

    static final String DAY_PATTERN = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
    static final String DAY_MESSAGE = "must be a day, yyyy-MM-dd";

    private final IngestGateway ingest;

    SessionAnalyticsResource(IngestGateway ingest) {
        this.ingest = ingest;
    }

    @GET
    @Path("/analytics")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Session analytics over a date range", description = "Sessions per day, duration "
            + "histogram, top entry and exit pages, events per session, bounce rate (sessions under 20 s) and the "
            + "view-to-rate funnel of the sessions that started from `from` to `to` (UTC days, at most 92)")
    @APIResponse(responseCode = "200", description = "The analytics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IngestSchemas.Analytics.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response analytics(
            @QueryParam("from") @Parameter(description = "First day, yyyy-MM-dd (default: 6 days before `to`)")
            @Pattern(regexp = DAY_PATTERN, message = DAY_MESSAGE) String from,
            @QueryParam("to") @Parameter(description = "Last day, yyyy-MM-dd (default: today)")
            @Pattern(regexp = DAY_PATTERN, message = DAY_MESSAGE) String to) {
        return ingest.analytics(from, to);
    }
}
