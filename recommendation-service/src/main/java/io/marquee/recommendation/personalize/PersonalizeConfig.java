package io.marquee.recommendation.personalize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where Personalize is and what to ask it ({@code personalize.*}). The keys are the ones the Helm
 * chart and the devstack set ({@code PERSONALIZE_CAMPAIGNS_FOR_YOU_ARN} and so on); the same build
 * talks to Amazon Personalize (no endpoint override) and to personalize-local (an override).
 * Credentials come from the AWS SDK's default chain.
 */
@ConfigMapping(prefix = "personalize")
public interface PersonalizeConfig {

    /** Endpoint override, e.g. personalize-local's {@code http://127.0.0.1:9380}; empty means AWS's regional endpoint. */
    Optional<URI> endpointOverride();

    /** The AWS region of the campaigns. */
    @WithDefault("us-east-1")
    String region();

    /** One call's deadline, per attempt; a slower answer counts as failed and the fallback answers. */
    @WithDefault("500ms")
    Duration timeout();

    /**
     * Retries of a throttled call (and only of a throttled call), as long as the retry budget
     * allows (ADR 0029). One: a page cannot wait for a second back-off.
     */
    @WithDefault("1")
    int throttleRetries();

    /** The first back-off after a throttled call; it doubles with each retry, with jitter. */
    @WithDefault("10ms")
    Duration throttleBackOff();

    /**
     * The retry budget: retries allowed per call made, over time (0.1: at most one retry for ten
     * calls while throttling lasts), so retries never multiply the load of a throttling engine.
     */
    @WithDefault("0.1")
    double throttleRetryRatio();

    /** Retries the budget saves up for a short burst of throttling (it starts full). */
    @WithDefault("10")
    int throttleRetryBurst();

    /** Calls in the circuit breaker's rolling window. */
    @WithDefault("20")
    int circuitBreakerWindow();

    /** Share of failed calls in the window that opens the circuit. */
    @WithDefault("0.5")
    double circuitBreakerFailureRatio();

    /** How long an open circuit answers from the fallback before one call tries Personalize again. */
    @WithDefault("5s")
    Duration circuitBreakerDelay();

    /** Campaign ARNs by use; a missing one means that use is answered from the fallback. */
    Campaigns campaigns();

    /** Filter ARNs by use. */
    Filters filters();

    interface Campaigns {
        /** User-personalization: "for you". */
        Optional<String> forYouArn();

        /** Similar-items: "similar titles" and "because you watched". */
        Optional<String> similarItemsArn();

        /** Personalized-ranking: "rank" and the re-ranking of similar titles for a logged-in user. */
        Optional<String> rankingArn();
    }

    interface Filters {
        /** {@code EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("rate")}. */
        Optional<String> excludeRatedArn();

        /** The above, and {@code INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)}. */
        Optional<String> excludeRatedGenreArn();

        /** The above, and {@code INCLUDE ItemID WHERE Items.YEAR = $YEAR}. */
        Optional<String> excludeRatedYearArn();

        /** Both: genre and year. */
        Optional<String> excludeRatedGenreYearArn();
    }
}
