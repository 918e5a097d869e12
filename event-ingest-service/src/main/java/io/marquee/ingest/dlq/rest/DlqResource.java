package io.marquee.ingest.dlq.rest;

import io.marquee.common.events.DeadLetterReplay;
import io.marquee.common.security.Roles;
import io.marquee.ingest.dlq.service.DlqReplay;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /admin/dlq/replay}: dead-lettered events back to the relay, for admins. */
@Path("/admin/dlq/replay")
public class DlqResource {

    private final DlqReplay replay;

    public DlqResource(DlqReplay replay) {
        this.replay = replay;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move every event dead-lettered since the last replay back to interactions; says how many")
    public DeadLetterReplay.Replayed replay() throws Exception {
        return replay.replay();
    }
}
