package io.marquee.gateway.ingest.rest;

import io.marquee.common.problem.Problem;
import io.marquee.gateway.ingest.client.IngestGateway;
import io.marquee.gateway.ratelimit.RateLimited;
import io.marquee.gateway.ratelimit.RouteClass;
import io.marquee.gateway.web.ApiDocs;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/events}: the clickstream, open to signed-out visitors. A token, when sent,
 * is passed on and event-ingest-service takes the user from it (and refuses a bad one); the body
 * can never name a user.
 */
@Path("/api/v1/events")
@Tag(name = "Events", description = "Clicks, views and other events, for recommendations and analytics")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class EventResource {

    private final IngestGateway ingest;

    EventResource(IngestGateway ingest) {
        this.ingest = ingest;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(RouteClass.EVENTS)
    @SecurityRequirementsSet({})
    @SecurityRequirement(name = ApiDocs.BEARER)
    @Operation(summary = "Record events", description = "1 to 100 events. 202 once all of them are stored; with a "
            + "bearer token they are the token's user's, without one a signed-out visitor's (its session is "
            + "attributed to the user once the same session sends events with a token). One invalid event refuses "
            + "the batch, naming every problem as `events[i].field`. 503 with Retry-After: send the same batch again")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IngestSchemas.EventBatch.class)))
    @APIResponse(responseCode = "202", description = "Stored; the relay takes them to the recommender",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IngestSchemas.Accepted.class)))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public Response record(byte[] body) {
        return ingest.events(body);
    }
}
