package io.marquee.gateway.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Which services behind the gateway answer right now, and the recommendation engine when it is
 * personalize-local. Deliberately not part of the gateway's readiness: a gateway answering 503 for
 * one service beats a gateway out of rotation.
 */
@Path(StatusResource.PATH)
@Tag(name = "Status", description = "Reachability of the services behind the gateway")
public class StatusResource {

    public static final String PATH = "/api/v1/status";

    private final StatusReport report;

    StatusResource(StatusReport report) {
        this.report = report;
    }

    /** @param services each service's name and {@code UP} or {@code DOWN} */
    @Schema(name = "Status")
    public record Status(
            @Schema(description = "Service name to UP or DOWN", examples = "{\"catalog\":\"UP\"}")
            Map<String, String> services) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reachability of each service",
            description = "Always 200; each service is UP when its readiness check answered 2xx within its "
                    + "timeout. Probed at most once per `gateway.status.cache-for` (5 s): answers may be that old. "
                    + "The recommendation engine is listed as personalize-local when the services use one.")
    @APIResponse(responseCode = "200", description = "One entry per service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Status.class)))
    public Status status() {
        return new Status(report.services());
    }
}
