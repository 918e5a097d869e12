package io.marquee.gateway.rating.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.gateway.config.GatewayConfig;
import io.marquee.gateway.web.Downstream;
import io.marquee.gateway.web.DownstreamProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * rating-service behind a timeout and a circuit breaker ({@code gateway.rating.*}). PUT and DELETE
 * of a rating are idempotent, but each publishes events, so they are still never retried.
 */
@ApplicationScoped
public class RatingGateway implements DownstreamProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RatingClient client;
    private final Downstream rating;
    /** The same service with its own short deadline and breaker, for the summary on the item answer. */
    private final Downstream summaries;
    private final String managementUrl;

    RatingGateway(@RestClient RatingClient client, GatewayConfig config) {
        this.client = client;
        this.rating = new Downstream("rating-service", config.rating());
        this.summaries = new Downstream("rating-service", config.reviewSummary());
        this.managementUrl = config.rating().managementUrl()
                .orElseThrow(() -> new IllegalStateException("gateway.rating.management-url is required"));
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

    public Response reviews(String itemId, String sentiment, String cursor, String limit) {
        return rating.read(() -> client.reviews(itemId, sentiment, cursor, limit));
    }

    public Response reviewSummary(String itemId) {
        return rating.read(() -> client.reviewSummary(itemId));
    }

    /**
     * The item's review summary for the item answer, or empty when rating-service cannot give it
     * within {@code gateway.review-summary.timeout} (or fails, or its breaker is open): the item page
     * never waits long for it, and never fails because of it.
     */
    public Optional<JsonNode> summaryForItemPage(String itemId) {
        try (Response answer = summaries.read(() -> client.reviewSummary(itemId))) {
            if (answer.getStatus() != 200) {
                return Optional.empty();
            }
            Object body = answer.getEntity();
            return body instanceof byte[] bytes ? Optional.of(JSON.readTree(bytes)) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public Response markHelpful(String itemId, String authorId, boolean helpful) {
        return rating.write(() -> helpful ? client.markHelpful(itemId, authorId) : client.unmarkHelpful(itemId, authorId));
    }

    public Response moderation(String cursor, String limit) {
        return rating.read(() -> client.moderation(cursor, limit));
    }

    public Response startBackfill(String mode) {
        return rating.write(() -> client.startBackfill(mode));
    }

    public Response backfillProgress() {
        return rating.read(() -> client.backfillProgress());
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
        return rating.reachable(() -> client.ready(managementUrl));
    }
}
