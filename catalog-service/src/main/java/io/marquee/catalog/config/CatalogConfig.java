package io.marquee.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything catalog-service can be told from outside ({@code catalog.*}). */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /**
     * Prefix of this service's DynamoDB table names, so several environments can share one
     * account: tables are {@code <prefix>catalog-items} and {@code <prefix>catalog-item-index}.
     */
    @WithDefault("marquee-")
    String tablePrefix();

    /** Create the tables at startup when they are absent (and wait until they are ACTIVE). */
    @WithDefault("true")
    boolean createTablesAtStartup();

    /** Who may change the catalog. */
    Admin admin();

    /** Listing page sizes. */
    Page page();

    /** Bulk loading through {@code POST /items/batch}. */
    Batch batch();

    interface Admin {
        /**
         * Whether the admin endpoints ({@code PUT /items/{id}}, {@code POST /items/batch}) accept
         * writes. Off by default: until authentication exists, anyone reaching the service could
         * write, so only dev, tests and the devstack ({@code CATALOG_ADMIN_WRITES_ENABLED=true})
         * switch it on.
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
        /** How many items of one batch are written in parallel (each item is its own transaction). */
        @WithDefault("8")
        int writeConcurrency();
    }
}
