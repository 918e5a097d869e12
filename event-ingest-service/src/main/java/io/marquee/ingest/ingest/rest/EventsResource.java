package io.marquee.ingest.ingest.rest;

import io.marquee.ingest.ingest.service.IngestService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

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
    public Response accept(EventBatch batch) {
        int accepted = ingest.accept(caller.userId(), batch);
        return Response.accepted(new Accepted(accepted)).build();
    }
}
