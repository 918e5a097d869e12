package io.marquee.recommendation.caller;

import io.marquee.common.problem.ProblemException;
import io.marquee.recommendation.config.RecommendationsConfig;
import io.smallrye.faulttolerance.api.Guard;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * Another Marquee service behind a timeout and a circuit breaker ({@code recommendations.neighbours.*}).
 * Callers never see transport exceptions: a neighbour that is down, failing or slow is a 503 problem
 * naming it.
 */
public final class Neighbour {

    private static final Logger LOG = Logger.getLogger(Neighbour.class);

    private final String name;
    private final Guard guard;

    public Neighbour(String name, RecommendationsConfig.Neighbours config) {
        this.name = name;
        this.guard = Guard.create()
                .withDescription(name)
                .withTimeout().duration(config.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker()
                    .requestVolumeThreshold(Math.max(1, config.circuitBreakerWindow()))
                    .failureRatio(config.circuitBreakerFailureRatio())
                    .delay(config.circuitBreakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .done()
                .build();
    }

    /** Runs {@code call}; any failure (including an unexpected status it throws for) is a 503. */
    public <T> T call(Callable<T> call, Class<T> type) {
        try {
            return guard.call(call, type);
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            LOG.warnf("%s could not answer: %s", name, e.toString());
            throw new ProblemException(503, "Service unavailable", name + " is unavailable; try again", List.of());
        }
    }
}
