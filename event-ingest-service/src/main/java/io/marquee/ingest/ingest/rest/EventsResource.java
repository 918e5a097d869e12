package io.marquee.ingest.ingest.rest;

import io.marquee.common.problem.Problem;
import io.marquee.ingest.ingest.service.IngestService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code POST /events}: the clickstream's way in. Open to signed-out visitors. */
@Path("/events")
public class EventsResource {

    private final IngestService ingest;
    private final CurrentCaller caller;

    public EventsResource(IngestService ingest, CurrentCaller caller) {
        this.ingest = ingest;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record 1 to 100 events; 202 once Kafka holds all of them, 503 with Retry-After if it cannot")
    @APIResponse(responseCode = "202", description = "Every event is on Kafka",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "A malformed batch or event: each problem named as `events[i].field`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "A token was sent and is not valid (no token: anonymous)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than a batch of 100 events can be",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not take the batch in time; send it again after `Retry-After`",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response accept(EventBatch batch) {
        int accepted = ingest.accept(caller.userId(), batch);
        return Response.accepted(new Accepted(accepted)).build();
    }
}
