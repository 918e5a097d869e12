package io.marquee.catalog.storage;

import io.marquee.catalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The names of this service's tables, each under the configured prefix. Which repository owns
 * which table, and its keys, is said by the repositories themselves ({@link OwnedTables}).
 */
@ApplicationScoped
public class CatalogTables {

    /** Items by id. */
    static final String ITEMS_SUFFIX = "catalog-items";
    /** Listing index: one row per (bucket, item), sorted by normalized title. */
    static final String INDEX_SUFFIX = "catalog-item-index";

    /** Title index: one row per (word, item), partitioned by the word's first two characters. */
    static final String SEARCH_SUFFIX = "catalog-search";
    /** Counters and chart entries: one row per (all | genre#G, item), plus watermarks and totals. */
    static final String STATS_SUFFIX = "catalog-stats";

    /** The most actions DynamoDB accepts in one TransactWriteItems (DynamoDB Local 2.6 holds to it too). */
    public static final int MAX_TRANSACTION_ACTIONS = 100;

    private final String items;
    private final String index;
    private final String search;
    private final String stats;

    public CatalogTables(CatalogConfig config) {
        this.items = config.tablePrefix() + ITEMS_SUFFIX;
        this.index = config.tablePrefix() + INDEX_SUFFIX;
        this.search = config.tablePrefix() + SEARCH_SUFFIX;
        this.stats = config.tablePrefix() + STATS_SUFFIX;
    }

    public String items() {
        return items;
    }

    public String index() {
        return index;
    }

    public String search() {
        return search;
    }

    public String stats() {
        return stats;
    }
}
