package io.marquee.rating.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Everything rating-service can be told from outside ({@code ratings.*}). */
@ConfigMapping(prefix = "ratings")
public interface RatingsConfig {

    /**
     * Prefix of this service's DynamoDB table names, so several environments can share one
     * account: {@code <prefix>ratings}, {@code <prefix>rating-outbox}, {@code <prefix>rating-user-heads}.
     */
    @WithDefault("marquee-")
    String tablePrefix();

    /**
     * Create the tables at startup when they are absent (and wait until they are ACTIVE). Off in
     * production, where the tables are provisioned beforehand (helm/iam/terraform) and the role has
     * no CreateTable; on in dev, tests and the devstack ({@code marquee.dynamodb.create-tables},
     * env {@code MARQUEE_DYNAMODB_CREATE_TABLES}, in application.properties).
     */
    @WithDefault("false")
    boolean createTablesAtStartup();

    /** Listing page sizes. */
    Page page();

    /** Writing ratings. */
    Write write();

    /** Asking catalog-service whether an item exists. */
    Catalog catalog();

    /** Publishing rating changes from the outbox to Kafka. */
    Outbox outbox();

    /** Review sentiment: which analyzer labels reviews, what the moderation view lists, the backfill. */
    Sentiment sentiment();

    /** An item's review summary, read with every movie page. */
    Summaries summaries();

    /**
     * The most helpful reviews kept on an item's summary row, so a summary is one read (ADR 0041).
     */
    interface Summaries {
        /**
         * How old the last change of an item's reviews must be before reviews derived from the
         * helpful index are kept as current: DynamoDB's indexes are eventually consistent, and
         * what a lagging index answered must not be kept. Until then every read derives them.
         */
        @WithDefault("1s")
        Duration topSettle();

        /**
         * How long kept reviews are answered without deriving them again, even with no change
         * seen: bounds how long a change that did not move the revision (a writer of a build
         * before ADR 0041 during a rolling upgrade) stays unseen. One derivation per item and period.
         */
        @WithDefault("10m")
        Duration topMaxAge();
    }

    interface Sentiment {
        /**
         * Which analyzer labels reviews: {@code local} (the in-JVM analyzer of the sentiment module,
         * the default; ADR 16) or {@code comprehend} (Amazon Comprehend, with the local analyzer
         * labelling whatever it fails to).
         */
        @WithDefault("local")
        String provider();

        /** A review scoring at or below this is listed as strongly negative (scores run from -1 to 1). */
        @WithDefault("-0.9")
        double stronglyNegative();

        /**
         * Text and stars disagree when a rating of at least {@link #highRating()} has a score at or
         * below minus this, or a rating of at most {@link #lowRating()} a score at or above it.
         */
        @WithDefault("0.5")
        double disagreement();

        /** The lowest rating whose text is expected to be positive. */
        @WithDefault("4.0")
        double highRating();

        /** The highest rating whose text is expected to be negative. */
        @WithDefault("1.5")
        double lowRating();

        /** Longest excerpt of a review shown in an item's summary, in code points. */
        @WithDefault("280")
        int excerptLength();

        /** Labelling existing reviews. */
        Backfill backfill();

        /** Amazon Comprehend, used only when {@link #provider()} is {@code comprehend}. */
        Comprehend comprehend();
    }

    interface Comprehend {
        /** AWS region of the Comprehend endpoint; credentials come from the default AWS chain. */
        @WithDefault("us-east-1")
        String region();

        /** Another endpoint (a VPC endpoint, or a stand-in in tests). */
        java.util.Optional<java.net.URI> endpointOverride();

        /** Language of the reviews, as Comprehend names it. */
        @WithDefault("en")
        String languageCode();

        /** Deadline of one call, retries included; past it the local analyzer labels the batch. */
        @WithDefault("3s")
        Duration timeout();

        /** Attempts per call when Comprehend throttles or fails transiently (exponential back-off with jitter). */
        @WithDefault("4")
        int maxAttempts();

        /** Texts per BatchDetectSentiment call (Comprehend takes at most 25). */
        @WithDefault("25")
        int batchSize();
    }

    interface Backfill {
        /** Ratings read per scan page; progress is saved after each page. */
        @WithDefault("100")
        int pageSize();

        /**
         * How long a running backfill may go without saving progress before another start (here or
         * on another replica) may take it over, resuming from the last saved page.
         */
        @WithDefault("2m")
        Duration lease();
    }

    interface Page {
        /** Ratings per page when the client does not ask for a {@code limit}. */
        @WithDefault("20")
        int defaultSize();

        /** The largest {@code limit} a client may ask for. */
        @WithDefault("100")
        int maxSize();
    }

    interface Write {
        /**
         * How often a write that lost a race (another change of the same rating, or of the same
         * user's event sequence, committed first) is re-read and retried before answering 409.
         */
        @WithDefault("20")
        int maxAttempts();
    }

    interface Catalog {
        /** How long one question to catalog-service may take before it counts as failed (503). */
        @WithDefault("2s")
        Duration timeout();

        /** Calls in the circuit breaker's rolling window. */
        @WithDefault("20")
        int circuitBreakerWindow();

        /** Share of failed calls in the window that opens the circuit. */
        @WithDefault("0.5")
        double circuitBreakerFailureRatio();

        /** How long an open circuit refuses calls before trying again. */
        @WithDefault("5s")
        Duration circuitBreakerDelay();

        /**
         * How many known item ids are remembered (only positive answers are cached, so an item
         * added to the catalog is accepted at once). Read by {@code quarkus.cache.caffeine.known-items}.
         */
        @WithDefault("10000")
        long cacheMaxSize();

        /** How long a known item id is remembered; an item deleted from the catalog is accepted until then. */
        @WithDefault("10M")
        Duration cacheTtl();
    }

    interface Outbox {
        /** Threads publishing right after a commit; each publishes one user's pending changes in order. */
        @WithDefault("4")
        int publishers();

        /**
         * Users waiting for an immediate publish beyond this are left to the relay (so a broker
         * outage cannot pile up work in memory).
         */
        @WithDefault("10000")
        int queueSize();

        /** How long one send may wait for the broker's acknowledgement before it counts as failed. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** How often the relay looks for changes that were committed but not yet published. */
        @WithDefault("10s")
        Duration relayInterval();

        /**
         * The relay only takes outbox rows at least this old, so it does not race the immediate
         * publish of a change that was committed a moment ago.
         */
        @WithDefault("30s")
        Duration relayMinAge();
    }
}
