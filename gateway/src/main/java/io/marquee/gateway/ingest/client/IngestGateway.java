package io.marquee.gateway.ingest.client;

import io.marquee.gateway.config.GatewayConfig;
import io.marquee.gateway.web.Downstream;
import io.marquee.gateway.web.DownstreamProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * event-ingest-service behind a timeout and a circuit breaker ({@code gateway.event-ingest.*}). A batch
 * of events is never retried here: the client owns the event ids and retries on 503/504 itself.
 */
@ApplicationScoped
public class IngestGateway implements DownstreamProbe {

    private final IngestClient client;
    private final Downstream ingest;
    private final String managementUrl;

    IngestGateway(@RestClient IngestClient client, GatewayConfig config) {
        this.client = client;
        this.ingest = new Downstream("event-ingest-service", config.ingest());
        this.managementUrl = config.ingest().managementUrl()
                .orElseThrow(() -> new IllegalStateException("gateway.event-ingest.management-url is required"));
    }

    public Response events(byte[] body) {
        return ingest.write(() -> client.events(body));
    }

    public Response mySessions(String limit) {
        return ingest.read(() -> client.mySessions(limit));
    }

    public Response analytics(String from, String to) {
        return ingest.read(() -> client.analytics(from, to));
    }

    @Override
    public String name() {
        return "event-ingest";
    }

    @Override
    public boolean reachable() {
        return ingest.reachable(() -> client.ready(managementUrl));
    }
}
