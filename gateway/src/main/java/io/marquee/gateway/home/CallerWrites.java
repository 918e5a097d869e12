package io.marquee.gateway.home;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Tells the home page when a signed-in caller changed something through the gateway (rated, reviewed,
 * sent clicks, edited the profile): their reused personal rows no longer count, because what the
 * recommender answers for them may change. Taken after the answer, so the write has happened.
 */
public class CallerWrites {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final HomePage page;

    CallerWrites(HomePage page) {
        this.page = page;
    }

    @ServerResponseFilter
    public void afterWrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (!READS.contains(request.getMethod()) && response.getStatus() < 400) {
            HomeResource.bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION)).ifPresent(page::callerWrote);
        }
    }
}
