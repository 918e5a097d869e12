package io.marquee.gateway.ingest.client;

import io.marquee.common.problem.Problem;
import io.marquee.gateway.web.ForwardedHeaders;
import jakarta.ws.rs.Consumes;
import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * event-ingest-service's API as the gateway uses it: raw {@link Response}s, relayed unchanged. The
 * forwarded token (if any) names the user; the service reads it. Only {@link IngestGateway} uses it.
 */
@RegisterRestClient(configKey = "event-ingest")
@RegisterClientHeaders(ForwardedHeaders.class)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
interface IngestClient {

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    Response events(byte[] body);

    @GET
    @Path("/me/sessions")
    Response mySessions(@QueryParam("limit") String limit);

    @GET
    @Path("/admin/sessions/analytics")
    Response analytics(@QueryParam("from") String from, @QueryParam("to") String to);

    /** Readiness on the service's management interface ({@code gateway.event-ingest.management-url}). */
    @GET
    @Path("/q/health/ready")
    Response ready(@Url String managementUrl);
}
