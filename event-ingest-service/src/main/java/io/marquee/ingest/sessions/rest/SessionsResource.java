package io.marquee.ingest.sessions.rest;

import io.marquee.common.security.Roles;
import io.marquee.ingest.ingest.rest.CurrentCaller;
import io.marquee.ingest.sessions.service.Analytics;
import io.marquee.ingest.sessions.service.ClosedSession;
import io.marquee.ingest.sessions.service.SessionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /me/sessions} (mine: the token says whose) and {@code GET /admin/sessions/analytics}. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    private final SessionService sessions;
    private final CurrentCaller caller;

    public SessionsResource(SessionService sessions, CurrentCaller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    /** The answer of {@code /me/sessions}. */
    public record SessionList(List<ClosedSession> items) {
    }

    @GET
    @Path("me/sessions")
    @RolesAllowed(Roles.USER)
    @Operation(summary = "My latest closed sessions, newest first")
    public SessionList mine(@QueryParam("limit") String limit) {
        return new SessionList(sessions.mine(caller.requireUser(), limit));
    }

    @GET
    @Path("admin/sessions/analytics")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Sessions per day, durations, entry and exit pages, bounce rate and the view-to-rate funnel")
    public Analytics analytics(@QueryParam("from") String from, @QueryParam("to") String to) {
        return sessions.analytics(from, to);
    }
}
