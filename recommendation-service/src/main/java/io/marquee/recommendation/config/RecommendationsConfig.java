package io.marquee.recommendation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What recommendation-service can be told from outside ({@code recommendations.*}), besides Personalize itself. */
@ConfigMapping(prefix = "recommendations")
public interface RecommendationsConfig {

    /** List lengths. */
    Limit limit();

    /** Personal ranking of a caller's list. */
    Rank rank();

    /** Because-you-watched rows. */
    Because because();

    /** Calls to catalog-, rating- and user-service. */
    Neighbours neighbours();

    /** Catalog data held in front of catalog-service, refreshed ahead of need. */
    CatalogCache catalogCache();

    /** Each caller's rated titles, kept per replica and dropped on the caller's rating events. */
    RatedCache ratedCache();

    /** Each caller's history from user-service, kept per replica and dropped on the caller's interaction events. */
    HistoryCache historyCache();

    interface Limit {
        /** Items per list when the client does not ask for a {@code limit}. */
        @WithDefault("25")
        int defaultSize();

        /** The largest {@code limit} a client may ask for. */
        @WithDefault("100")
        int maxSize();
    }

    interface Rank {
        /** The most item ids one rank request may carry (Personalize ranks at most 500). */
        @WithDefault("500")
        int maxItems();
    }

    interface Because {
        /** Rows (seed titles) when the client does not ask for {@code rows}. */
        @WithDefault("3")
        int defaultRows();

        /** The most rows a client may ask for. */
        @WithDefault("10")
        int maxRows();

        /** Titles per row when the client does not ask for a {@code limit}. */
        @WithDefault("10")
        int defaultPerRow();

        /** The largest per-row {@code limit}. */
        @WithDefault("25")
        int maxPerRow();

        /**
         * Threads shared by all answers for their concurrent calls (history with rated titles, one
         * similar-items call per seed). The calls block on I/O, so this is about concurrency, not
         * cores; when all are busy and {@code threads * 8} calls wait, a call runs on the request's
         * own thread instead (slower, never refused).
         */
        @WithDefault("16")
        int threads();

        /**
         * Callers whose last seeds are remembered, so their next answer starts the similar-items
         * calls alongside the history read (a guess, checked against the history); {@code 0} waits
         * for the history every time.
         */
        @WithDefault("50000")
        long rememberedCallers();
    }

    interface Neighbours {
        /** How long one call to catalog-, rating- or user-service may take before it counts as failed. */
        @WithDefault("2s")
        Duration timeout();

        /** Calls in each neighbour's circuit breaker window. */
        @WithDefault("20")
        int circuitBreakerWindow();

        /** Share of failed calls in the window that opens the circuit. */
        @WithDefault("0.5")
        double circuitBreakerFailureRatio();

        /** How long an open circuit refuses calls before trying again. */
        @WithDefault("5s")
        Duration circuitBreakerDelay();

        /**
         * Pages of 100 of the caller's ratings read to exclude rated titles; a user with more has
         * the rest excluded by Personalize's exclude-rated filter only.
         */
        @WithDefault("10")
        int maxRatingPages();
    }

    /**
     * Catalog data held in front of catalog-service and refreshed ahead of need (see
     * {@code enrich.RefreshAhead}). {@code refresh-after} must be shorter than {@code max-staleness}.
     */
    interface CatalogCache {
        /**
         * How old an item's data may get before a read of it also refreshes it in the background;
         * the read is answered at once with what is held. Items read at least once per
         * {@code max-staleness} therefore never make an answer wait on catalog-service.
         */
        @WithDefault("20s")
        Duration refreshAfter();

        /**
         * The hard bound: item data (and charts) this old are never shown; the answer waits for a
         * fresh read, shared with every concurrent answer needing the same ids. Set by the figure
         * that ages fastest, the average rating: a new rating shows in answers within this (plus
         * catalog-service's own caching), about a minute, where a list of titles does not need it
         * any sooner.
         */
        @WithDefault("60s")
        Duration maxStaleness();

        /** How many items are remembered. */
        @WithDefault("50000")
        long maxItems();

        /** How old a fallback chart may get before a read of it also refreshes it in the background. */
        @WithDefault("10s")
        Duration chartRefreshAfter();
    }

    interface RatedCache {
        /**
         * Whether callers' rated titles are kept; off, every answer for a caller reads them from
         * rating-service (and the {@code ratings} topic is not read).
         */
        @WithDefault("true")
        boolean enabled();

        /** How many callers' sets one replica keeps; the least recently used go first. */
        @WithDefault("50000")
        long maxUsers();

        /**
         * The safety net: a kept set is read again after this long even when no rating event said
         * it changed (an event lost, a consumer that fell behind).
         */
        @WithDefault("5m")
        Duration ttl();
    }

    interface HistoryCache {
        /**
         * Whether callers' histories (user-service's {@code /me/history}) are kept; off, every
         * "because you watched" answer reads the history from user-service (and the
         * {@code interactions} topic is not read).
         */
        @WithDefault("true")
        boolean enabled();

        /** How many callers' histories one replica keeps; the least recently used go first. */
        @WithDefault("50000")
        long maxUsers();

        /**
         * The safety net: a kept history is read again after this long even when no interaction
         * event said it changed (an event lost, a consumer that fell behind).
         */
        @WithDefault("5m")
        Duration ttl();

        /**
         * How long after an interaction event of a caller arrived a read of their history is kept
         * only if it shows the event (user-service applies events from the same topic, usually
         * well within a second). Past this the event counts as applied or skipped by user-service
         * (an event it refuses never shows), so a caller with such an event is not read for ever.
         */
        @WithDefault("30s")
        Duration applyWithin();
    }
}
