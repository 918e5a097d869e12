package io.marquee.gateway.rating.client;

import io.marquee.gateway.config.GatewayConfig;
import io.marquee.gateway.web.Downstream;
import io.marquee.gateway.web.DownstreamProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * rating-service behind a timeout and a circuit breaker ({@code gateway.rating.*}). PUT and DELETE
 * of a rating are idempotent, but each publishes events, so they are still never retried.
 */
@ApplicationScoped
public class RatingGateway implements DownstreamProbe {

    private final RatingClient client;
    private final Downstream rating;

    RatingGateway(@RestClient RatingClient client, GatewayConfig config) {
        this.client = client;
        this.rating = new Downstream("rating-service", config.rating());
    }

    public Response rating(String itemId) {
        return rating.read(() -> client.rating(itemId));
    }

    public Response putRating(String itemId, byte[] body) {
        return rating.write(() -> client.putRating(itemId, body));
    }

    public Response deleteRating(String itemId) {
        return rating.write(() -> client.deleteRating(itemId));
    }

    public Response reviews(String itemId, String cursor, String limit) {
        return rating.read(() -> client.reviews(itemId, cursor, limit));
    }

    public Response myRatings(String cursor, String limit) {
        return rating.read(() -> client.myRatings(cursor, limit));
    }

    @Override
    public String name() {
        return "rating";
    }

    @Override
    public boolean reachable() {
        return rating.reachable(client::ready);
    }
}
