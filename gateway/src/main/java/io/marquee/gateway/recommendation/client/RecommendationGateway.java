package io.marquee.gateway.recommendation.client;

import io.marquee.gateway.config.GatewayConfig;
import io.marquee.gateway.web.Downstream;
import io.marquee.gateway.web.DownstreamProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * recommendation-service behind a timeout and a circuit breaker ({@code gateway.recommendation.*}).
 * Every call only reads (ranking is a POST because its list is a body), so each is retried once
 * when the connection failed.
 */
@ApplicationScoped
public class RecommendationGateway implements DownstreamProbe {

    private final RecommendationClient client;
    private final Downstream recommendation;
    private final String managementUrl;

    RecommendationGateway(@RestClient RecommendationClient client, GatewayConfig config) {
        this.client = client;
        this.recommendation = new Downstream("recommendation-service", config.recommendation());
        this.managementUrl = config.recommendation().managementUrl()
                .orElseThrow(() -> new IllegalStateException("gateway.recommendation.management-url is required"));
    }

    public Response forYou(String genre, String year, String limit) {
        return recommendation.read(() -> client.forYou(genre, year, limit));
    }

    public Response becauseYouWatched(String rows, String limit) {
        return recommendation.read(() -> client.becauseYouWatched(rows, limit));
    }

    /** For you, for the home page, which loads it off the request thread. */
    public Response forYouForPage(int limit, String authorization, String requestId) {
        return recommendation.read(() -> client.forYou(limit, authorization, requestId));
    }

    /** Because you watched, for the home page, which loads it off the request thread. */
    public Response becauseYouWatchedForPage(int rows, int limit, String authorization, String requestId) {
        return recommendation.read(() -> client.becauseYouWatched(rows, limit, authorization, requestId));
    }

    public Response rank(byte[] body) {
        return recommendation.read(() -> client.rank(body));
    }

    public Response similar(String itemId, String limit) {
        return recommendation.read(() -> client.similar(itemId, limit));
    }

    @Override
    public String name() {
        return "recommendation";
    }

    @Override
    public boolean reachable() {
        return recommendation.reachable(() -> client.ready(managementUrl));
    }
}
