package io.marquee.gateway.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /}: where to go from here, for a human or a script that found the gateway. */
@Path("/")
public class RootResource {

    /** Links to the API and its documentation. */
    public record Index(String name, String api, String openapi, String swaggerUi, String status) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Index index() {
        return new Index("Marquee API", "/api/v1", "/q/openapi", "/q/swagger-ui", "/api/v1/status");
    }
}
