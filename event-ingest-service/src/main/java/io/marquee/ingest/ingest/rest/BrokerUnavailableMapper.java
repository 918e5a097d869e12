package io.marquee.ingest.ingest.rest;

import io.marquee.common.problem.Problem;
import io.marquee.common.web.RequestIds;
import io.marquee.ingest.config.AcceptConfig;
import io.marquee.ingest.ingest.events.BrokerUnavailableException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A batch Kafka did not acknowledge: 503 with {@code Retry-After}, so the client sends it again later. */
public class BrokerUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(BrokerUnavailableMapper.class);

    private final AcceptConfig config;

    public BrokerUnavailableMapper(AcceptConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response unavailable(BrokerUnavailableException e, ContainerRequestContext request, UriInfo uri) {
        Object id = request.getProperty(RequestIds.CONTEXT_PROPERTY);
        LOG.warnf("request %s: %s", id, e.getMessage());
        Problem body = new Problem("about:blank", "Service unavailable", 503,
                "The events could not be stored right now; send the same batch again later (event ids make it safe)",
                uri.getPath(), id == null ? null : id.toString(), List.of());
        return Response.status(503).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, config.retryAfter().toSeconds()))
                .entity(body).build();
    }
}
