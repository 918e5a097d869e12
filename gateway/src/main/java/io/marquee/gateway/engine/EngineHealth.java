package io.marquee.gateway.engine;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** personalize-local's readiness check (ready once its data directory is loaded). */
interface EngineHealth {

    @GET
    @Path("/q/health/ready")
    Response ready();
}
