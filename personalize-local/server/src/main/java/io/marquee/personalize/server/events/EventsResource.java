package io.marquee.personalize.server.events;

import io.marquee.personalize.server.web.Input;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** personalize-events on the wire (rest-json): no output shape, so every success is 200 {@code {}}. */
@Path("/")
@Consumes("*/*")
@Produces("application/json")
public class EventsResource {

    private static final String EMPTY = "{}";

    private final EventIngest ingest;
    private final EventFaults faults;

    public EventsResource(EventIngest ingest, EventFaults faults) {
        this.ingest = ingest;
        this.faults = faults;
    }

    @POST
    @Path("events")
    public String putEvents(byte[] body) {
        faults.beforePutEvents(body);
        ingest.putEvents(Input.parse(body));
        return EMPTY;
    }

    @POST
    @Path("items")
    public String putItems(byte[] body) {
        ingest.putItems(Input.parse(body));
        return EMPTY;
    }

    @POST
    @Path("users")
    public String putUsers(byte[] body) {
        ingest.putUsers(Input.parse(body));
        return EMPTY;
    }
}
