package io.marquee.gateway.catalog.client;

import io.marquee.gateway.config.GatewayConfig;
import io.marquee.gateway.web.Downstream;
import io.marquee.gateway.web.DownstreamProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * catalog-service behind a timeout and a circuit breaker ({@code gateway.catalog.*}); reads are
 * retried once when the connection failed, writes never. Answers are the service's own, relayed
 * unchanged; transport failures come out as 503/504 problems, never as exceptions of the client.
 */
@ApplicationScoped
public class CatalogGateway implements DownstreamProbe {

    private final CatalogClient client;
    private final Downstream catalog;
    private final String managementUrl;

    CatalogGateway(@RestClient CatalogClient client, GatewayConfig config) {
        this.client = client;
        this.catalog = new Downstream("catalog-service", config.catalog());
        this.managementUrl = config.catalog().managementUrl()
                .orElseThrow(() -> new IllegalStateException("gateway.catalog.management-url is required"));
    }

    public Response item(String id) {
        return catalog.read(() -> client.item(id));
    }

    public Response items(String genre, String year, String limit, String cursor) {
        return catalog.read(() -> client.items(genre, year, limit, cursor));
    }

    public Response search(String q, String limit, String cursor) {
        return catalog.read(() -> client.search(q, limit, cursor));
    }

    public Response chart(String name, String limit, String genre) {
        return catalog.read(() -> client.chart(name, limit, genre));
    }

    /** A chart for the home page, which loads it off the request thread. */
    public Response chartForPage(String name, int limit, String requestId) {
        return catalog.read(() -> client.chart(name, limit, requestId));
    }

    public Response batch(byte[] items) {
        return catalog.write(() -> client.batch(items));
    }

    public Response put(String id, byte[] item) {
        return catalog.write(() -> client.put(id, item));
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public boolean reachable() {
        return catalog.reachable(() -> client.ready(managementUrl));
    }
}
