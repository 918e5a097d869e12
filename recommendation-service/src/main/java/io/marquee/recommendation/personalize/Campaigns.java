package io.marquee.recommendation.personalize;

import io.marquee.recommendation.timing.Steps;
import io.micrometer.core.annotation.Timed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;
import software.amazon.awssdk.services.personalizeruntime.model.ResourceNotFoundException;

/**
 * The Personalize runtime calls this service makes, each behind the same policy (ADR 0012, ADR
 * 0029): one deadline per attempt ({@code personalize.timeout}, enforced by the SDK), retries with
 * doubling back-off on throttling only and only within a retry budget, and one circuit breaker for
 * all campaigns, since they share one endpoint. Throttling is Personalize up and shedding load: it
 * is answered from the fallback at once (after the budget's retry, if any) and never opens the
 * breaker. Callers never see SDK exceptions: a campaign that cannot answer is a
 * {@link CampaignUnavailable} naming why, and the caller answers from the fallback.
 */
@ApplicationScoped
public class Campaigns {

    private static final Logger LOG = Logger.getLogger(Campaigns.class);
    /** Throttled calls, by whether the retry budget let them be retried. */
    static final String THROTTLE_RETRIES = "marquee.recommendation.throttle.retries";

    private final PersonalizeRuntimeClient client;
    private final PersonalizeConfig config;
    private final Guard breaker;
    private final RetryBudget retryBudget;
    private final Counter retried;
    private final Counter notRetried;

    Campaigns(PersonalizeRuntimeClient client, PersonalizeConfig config, MeterRegistry metrics) {
        this.client = client;
        this.config = config;
        this.retryBudget = new RetryBudget(config.throttleRetryRatio(), config.throttleRetryBurst());
        this.retried = metrics.counter(THROTTLE_RETRIES, "outcome", "retried");
        this.notRetried = metrics.counter(THROTTLE_RETRIES, "outcome", "over-budget");
        this.breaker = Guard.create()
                .withDescription("Personalize runtime")
                .withCircuitBreaker()
                    .requestVolumeThreshold(Math.max(1, config.circuitBreakerWindow()))
                    .failureRatio(config.circuitBreakerFailureRatio())
                    .delay(config.circuitBreakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .done()
                .build();
    }

    /** The campaigns configured for each use. */
    public PersonalizeConfig.Campaigns arns() {
        return config.campaigns();
    }

    /** The filters configured for each use. */
    public PersonalizeConfig.Filters filters() {
        return config.filters();
    }

    /**
     * GetRecommendations: for a user ({@code userId}), for an item ({@code itemId}) or both.
     *
     * @param filterValues values of the filter's {@code $PARAM}s, already quoted as Personalize wants them
     */
    @Timed(value = Steps.TIMER, percentiles = {0.5, 0.99, 0.999})
    public CampaignAnswer recommend(Optional<String> campaignArn, String userId, String itemId, int numResults,
                                    String filterArn, Map<String, String> filterValues) throws CampaignUnavailable {
        String campaign = campaignArn.orElseThrow(() -> new CampaignUnavailable(CampaignUnavailable.NOT_CONFIGURED,
                "no campaign is configured for this use"));
        GetRecommendationsRequest.Builder request = GetRecommendationsRequest.builder()
                .campaignArn(campaign).numResults(Math.max(1, Math.min(500, numResults)));
        if (userId != null) {
            request.userId(userId);
        }
        if (itemId != null) {
            request.itemId(itemId);
        }
        if (filterArn != null) {
            request.filterArn(filterArn);
            if (!filterValues.isEmpty()) {
                request.filterValues(filterValues);
            }
        }
        GetRecommendationsRequest built = request.build();
        GetRecommendationsResponse answer = call(campaign, () -> client.getRecommendations(built));
        return new CampaignAnswer(campaign, filterArn, answer.recommendationId(), scored(answer.itemList()));
    }

    /** GetPersonalizedRanking: {@code itemIds} (at most 500) in {@code userId}'s order. */
    @Timed(value = Steps.TIMER, percentiles = {0.5, 0.99, 0.999})
    public CampaignAnswer rank(Optional<String> campaignArn, String userId, List<String> itemIds)
            throws CampaignUnavailable {
        String campaign = campaignArn.orElseThrow(() -> new CampaignUnavailable(CampaignUnavailable.NOT_CONFIGURED,
                "no ranking campaign is configured"));
        GetPersonalizedRankingResponse answer = call(campaign, () -> client.getPersonalizedRanking(
                r -> r.campaignArn(campaign).userId(userId).inputList(itemIds)));
        return new CampaignAnswer(campaign, null, answer.recommendationId(), scored(answer.personalizedRanking()));
    }

    private <T> T call(String campaign, Supplier<T> request) throws CampaignUnavailable {
        Outcome<T> outcome;
        try {
            outcome = breaker.call(() -> attempt(request), Outcome.class);
        } catch (CircuitBreakerOpenException e) {
            throw new CampaignUnavailable(CampaignUnavailable.CIRCUIT_OPEN, "the circuit breaker is open");
        } catch (Interrupted e) {
            throw new CampaignUnavailable(CampaignUnavailable.UNAVAILABLE, e.getMessage());
        } catch (ApiCallAttemptTimeoutException | ApiCallTimeoutException e) {
            LOG.debugf("campaign %s did not answer in time", campaign);
            throw new CampaignUnavailable(CampaignUnavailable.TIMEOUT, e.getMessage());
        } catch (Exception e) {
            LOG.warnf("campaign %s could not answer: %s", campaign, e.toString());
            throw new CampaignUnavailable(CampaignUnavailable.UNAVAILABLE, e.getMessage());
        }
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.value();
    }

    /**
     * One call with retries of throttling, within the retry budget. A refusal (unknown campaign,
     * invalid request) and throttling are answers as far as the circuit breaker is concerned:
     * Personalize is up, it said no or not now. Counting throttling as failures opened the breaker
     * under load and sent every caller to the fallback for its whole delay (ADR 0029).
     */
    private <T> Outcome<T> attempt(Supplier<T> request) throws Interrupted {
        long backOff = Math.max(1, config.throttleBackOff().toMillis());
        retryBudget.call();
        for (int retry = 0; ; retry++) {
            try {
                return new Outcome<>(request.get(), null);
            } catch (ResourceNotFoundException e) {
                return new Outcome<>(null, new CampaignUnavailable(CampaignUnavailable.NOT_READY,
                        e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()));
            } catch (InvalidInputException e) {
                return new Outcome<>(null, new CampaignUnavailable(CampaignUnavailable.REFUSED,
                        e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()));
            } catch (AwsServiceException e) {
                if (!e.isThrottlingException()) {
                    throw e;
                }
                if (retry >= config.throttleRetries()) {
                    return new Outcome<>(null, new CampaignUnavailable(CampaignUnavailable.THROTTLED,
                            "still throttled after " + retry + " retries"));
                }
                if (!retryBudget.spend()) {
                    notRetried.increment();
                    return new Outcome<>(null, new CampaignUnavailable(CampaignUnavailable.THROTTLED,
                            "throttled; the retry budget is spent"));
                }
                retried.increment();
                sleep(backOff + ThreadLocalRandom.current().nextLong(backOff / 2 + 1));
                backOff *= 2;
            } catch (SdkException e) {
                throw e;
            }
        }
    }

    private static List<Scored> scored(List<PredictedItem> items) {
        return items.stream().map(i -> new Scored(i.itemId(), i.score())).toList();
    }

    private static void sleep(long millis) throws Interrupted {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted("interrupted while backing off");
        }
    }

    /** A value, or a refusal that is not Personalize's failure. */
    private record Outcome<T>(T value, CampaignUnavailable refusal) {
    }

    /** Interrupted while backing off (the service is stopping). */
    private static final class Interrupted extends Exception {
        Interrupted(String message) {
            super(message, null, false, false);
        }
    }
}
