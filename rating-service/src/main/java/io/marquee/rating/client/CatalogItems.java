package io.marquee.rating.client;

import io.marquee.common.problem.ProblemException;
import io.marquee.rating.config.RatingsConfig;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks catalog-service whether an item exists, behind a timeout, a circuit breaker and one retry
 * of a failed connection ({@code ratings.catalog.*}). Callers never see transport exceptions: an
 * unreachable, failing or slow catalog is a 503 problem.
 */
@ApplicationScoped
public class CatalogItems {

    private static final Logger LOG = Logger.getLogger(CatalogItems.class);

    private final CatalogClient client;
    private final Guard guarded;

    CatalogItems(@RestClient CatalogClient client, RatingsConfig config) {
        this.client = client;
        RatingsConfig.Catalog catalog = config.catalog();
        this.guarded = Guard.create()
                .withDescription("catalog-service item lookups")
                .withRetry().maxRetries(1).delay(50, ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
                    .retryOn(ProcessingException.class).done()
                .withTimeout().duration(catalog.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker()
                    .requestVolumeThreshold(catalog.circuitBreakerWindow())
                    .failureRatio(catalog.circuitBreakerFailureRatio())
                    .delay(catalog.circuitBreakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .done()
                .build();
    }

    /**
     * Whether catalog-service knows item {@code id}.
     *
     * @throws ProblemException 503 if catalog-service could not say
     */
    public boolean exists(String id) {
        try {
            return guarded.call(() -> ask(id), Boolean.class);
        } catch (TimeoutException e) {
            LOG.warnf("catalog-service did not answer in time about item %s", id);
            throw unavailable();
        } catch (CircuitBreakerOpenException e) {
            throw unavailable();
        } catch (Exception e) {
            LOG.warnf("catalog-service could not say whether item %s exists: %s", id, e.toString());
            throw unavailable();
        }
    }

    private boolean ask(String id) {
        try (Response answer = client.item(id)) {
            int status = answer.getStatus();
            if (status == 200) {
                return true;
            }
            if (status == 404) {
                return false;
            }
            // Anything else (5xx, or a 4xx this service never provokes) counts as a failure for the breaker.
            throw new IllegalStateException("catalog-service answered " + status + " for item " + id);
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "Service unavailable",
                "catalog-service is unavailable, so the item cannot be checked; try again", List.of());
    }
}
