package io.marquee.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Everything catalog-service can be told from outside ({@code catalog.*}). */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /**
     * Prefix of this service's DynamoDB table names, so several environments can share one
     * account: tables are {@code <prefix>catalog-items}, {@code <prefix>catalog-item-index},
     * {@code <prefix>catalog-search} and {@code <prefix>catalog-stats}.
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

    /** Who may change the catalog. */
    Admin admin();

    /** Listing page sizes. */
    Page page();

    /** Bulk loading through {@code POST /items/batch}. */
    Batch batch();

    /** Title search. */
    Search search();

    /** Charts (most viewed, top rated, trending). */
    Charts charts();

    /** Applying the {@code interactions} and {@code ratings} topics to the counters. */
    Events events();

    /** In-process read caches of item details, searches and charts (ADR 10). */
    Cache cache();

    interface Admin {
        /**
         * Whether admin writes ({@code PUT /items/{id}}, {@code POST /items/batch}) are also accepted
         * <em>without</em> a token, from a client on the same host (loopback address) only: the
         * devstack's demo loader ({@code CATALOG_ADMIN_WRITES_ENABLED=true}) and {@code quarkus dev}.
         * A token, when sent, is always checked, and must carry the {@code admin} role. Off by
         * default; never switch it on where a proxy on the same host relays outside traffic
         * (a service-mesh sidecar), because that traffic would look local. See ADR 6.
         */
        @WithDefault("false")
        boolean writesEnabled();
    }

    interface Page {
        /** Items per page when the client does not ask for a {@code limit}. */
        @WithDefault("20")
        int defaultSize();

        /** The largest {@code limit} a client may ask for. */
        @WithDefault("100")
        int maxSize();
    }

    interface Batch {
        /** How many transactions of one batch run in parallel (new items packed together, each update its own). */
        @WithDefault("8")
        int writeConcurrency();
    }

    interface Search {
        /** Results per search when the client does not ask for a {@code limit}. */
        @WithDefault("10")
        int defaultSize();

        /** The largest {@code limit} a search may ask for. */
        @WithDefault("50")
        int maxSize();

        /**
         * How many index rows one query word may read. Bounds the cost of a search on any catalog
         * size; a word shared by more titles than this (a one-letter type-ahead, "the") is
         * completed by the other words of the query.
         */
        @WithDefault("300")
        int maxPostingsPerWord();
    }

    interface Charts {
        /** Entries per chart when the client does not ask for a {@code limit}. */
        @WithDefault("20")
        int defaultSize();

        /** The largest {@code limit} a chart may ask for. */
        @WithDefault("100")
        int maxSize();

        /**
         * How many rows of a chart's index a genre chart reads at most to find that genre's items:
         * the bound of its cost. A genre too rare to appear among them gets a shorter chart.
         */
        @WithDefault("2000")
        int genreReadLimit();

        /**
         * Weight {@code C} of the prior in the top-rated score {@code (C*m + sum)/(C + n)}, in
         * ratings: a title needs about this many ratings before its own average outweighs the
         * global mean {@code m}, so one 5-star rating does not top the chart.
         */
        @WithDefault("10")
        int priorWeight();

        /**
         * Length of the trending windows: an item trends when its interactions in the current
         * window (the one holding the newest event seen) rise above those of the window before.
         */
        @WithDefault("PT24H")
        Duration trendingWindow();
    }

    interface Events {
        /**
         * How often applying one polled batch is retried after a DynamoDB failure before the
         * consumer fails (and the service reports itself unhealthy) rather than skip events.
         */
        @WithDefault("8")
        int maxAttempts();

        /**
         * Longest wait before each chunk of events while requests are being served: absorbing a
         * backlog yields to the request path. 0 never waits.
         */
        @WithDefault("500ms")
        Duration yieldToRequests();

        /** How often one visitor's interactions with one item count (ADR 39). */
        PerVisitor perVisitor();
    }

    /**
     * A visitor (the signed-in user, else the session) counts at most once per item and window: one
     * view towards "most viewed", one interaction of any type towards "trending". Windows follow
     * the time Kafka received the event, which no client sets, aligned to the epoch (UTC days by
     * default). Kept in memory per partition of {@code interactions}: a restart or a rebalance
     * forgets them for the partitions it moves, so a visitor's next view that day may count once more.
     */
    interface PerVisitor {
        /** Length of a window: the same visitor's views of an item in one count once. At least one minute. */
        @WithDefault("PT24H")
        Duration window();

        /**
         * The most visitor-item pairs remembered per partition (two generations of half as many;
         * the newest half is always kept). Memory: 16 bytes a slot, 4 MB per partition at the
         * default. Past it, the oldest pairs are forgotten and may count again within their window.
         */
        @WithDefault("131072")
        int maxPairs();
    }

    /**
     * How long reads are reused in this instance's memory. A write through this instance's admin
     * API clears what it touches at once; other instances see it within the time to live, which
     * is therefore the staleness a client may observe (ADR 10). A time to live of 0 turns that
     * cache off. Each cache reloads an entry in the background once half its time to live has
     * passed and the entry is read again, so readers of a busy entry do not wait on DynamoDB.
     */
    interface Cache {
        /** Stored fields of an item (title, genres, ...): they change only through admin writes. */
        @WithDefault("30s")
        Duration itemTtl();

        /** An id with no item (a 404): short, since another instance may create it. */
        @WithDefault("1s")
        Duration missingTtl();

        /** An item's view and rating figures, which move with every event. */
        @WithDefault("1s")
        Duration statsTtl();

        /** A search's results, per normalized query and limit. */
        @WithDefault("2s")
        Duration searchTtl();

        /** A computed chart, per chart, genre and limit. */
        @WithDefault("2s")
        Duration chartTtl();

        /** Items kept (each at most ~1 KB of stored fields, and separately their figures). */
        @WithDefault("10000")
        int maxItems();

        /** Searches kept (each up to 50 results). */
        @WithDefault("2000")
        int maxSearches();

        /** Charts kept: 3 charts x 20 genre filters (and none) x the few limits clients use. */
        @WithDefault("500")
        int maxCharts();
    }
}
