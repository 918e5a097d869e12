package io.marquee.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/**
 * How the gateway treats the services behind it. Base URLs are not here: each service's URL is
 * its REST client's {@code quarkus.rest-client.<service>.url} (environment
 * {@code QUARKUS_REST_CLIENT_<SERVICE>_URL}).
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** catalog-service, behind {@code /api/v1/movies}, {@code /api/v1/movies/search} and {@code /api/v1/charts}. */
    Downstream catalog();

    /** user-service, behind {@code /api/v1/auth} and {@code /api/v1/me} (except {@code /me/ratings}). */
    Downstream user();

    /** rating-service, behind {@code /api/v1/movies/{id}/rating|reviews} and {@code /api/v1/me/ratings}. */
    Downstream rating();

    /**
     * rating-service again, for the review summary put on the item answer ({@code GET /api/v1/movies/{id}}):
     * its own short timeout (default 300 ms) and breaker, so a slow rating-service costs the item
     * page at most that long and a failing one nothing; the answer then comes without the summary.
     */
    Downstream reviewSummary();

    /** recommendation-service, behind {@code /api/v1/recommendations} and {@code /api/v1/movies/{id}/similar}. */
    Downstream recommendation();

    /**
     * event-ingest-service, behind {@code /api/v1/events}, {@code /api/v1/me/sessions} and
     * {@code /api/v1/admin/sessions/analytics}. Its timeout must exceed the service's wait for Kafka
     * ({@code ingest.accept.send-timeout}, 5 s), so the client sees the service's 503 rather than a 504.
     * Its keys are {@code gateway.event-ingest.*}, named like its REST client, so the devstack and the
     * chart set {@code GATEWAY_<REST CLIENT KEY>_MANAGEMENT_URL} for every service alike.
     */
    @WithName("event-ingest")
    Downstream ingest();

    /**
     * personalize-local (at {@code PERSONALIZE_ENDPOINT_OVERRIDE}), whose readiness
     * {@code GET /api/v1/status} reports; only {@code timeout} applies.
     */
    Downstream engine();

    /** Resilience settings for calls to one downstream service. */
    interface Downstream {

        /**
         * Longest wait for one answer from the service; past it the caller gets 504 problem+json.
         * Applies per attempt.
         */
        @WithDefault("2s")
        Duration timeout();

        /**
         * The service's management interface, where {@code /q/health/ready} answers for
         * {@code GET /api/v1/status} (its API port does not serve {@code /q/health}); required for
         * every service the status page reports.
         */
        Optional<String> managementUrl();

        /** The circuit breaker that stops calling a failing service for a while. */
        CircuitBreaker circuitBreaker();
    }

    /** Opens after too many transport failures; while open, callers get 503 at once. */
    interface CircuitBreaker {

        /** How many recent calls are looked at when deciding to open. */
        @WithDefault("20")
        int window();

        /** Share of failed calls (connection failures, timeouts) in the window that opens it. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long it stays open before letting a trial call through. */
        @WithDefault("5s")
        Duration delay();
    }
}
