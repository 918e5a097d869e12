package io.marquee.gateway.web;

import io.quarkus.arc.All;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Which services behind the gateway answer right now. Deliberately not part of the gateway's
 * readiness: a gateway answering 503 for one service beats a gateway out of rotation.
 */
@Path(StatusResource.PATH)
@Tag(name = "Status", description = "Reachability of the services behind the gateway")
public class StatusResource {

    public static final String PATH = "/api/v1/status";

    private final List<DownstreamProbe> probes;

    StatusResource(@All List<DownstreamProbe> probes) {
        this.probes = probes;
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
            description = "Always 200; each service is UP when its readiness check answers 2xx within its timeout")
    @APIResponse(responseCode = "200", description = "One entry per service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Status.class)))
    public Status status() {
        Map<String, String> services = new TreeMap<>();
        for (DownstreamProbe probe : probes) {
            services.put(probe.name(), probe.reachable() ? "UP" : "DOWN");
        }
        return new Status(services);
    }
}
