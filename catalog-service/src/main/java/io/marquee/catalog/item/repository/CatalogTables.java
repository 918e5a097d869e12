package io.marquee.catalog.item.repository;

import io.marquee.catalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The names of this service's tables. */
@ApplicationScoped
public class CatalogTables {

    /** Items by id. */
    static final String ITEMS_SUFFIX = "catalog-items";
    /** Listing index: one row per (bucket, item), sorted by normalized title. */
    static final String INDEX_SUFFIX = "catalog-item-index";

    private final String items;
    private final String index;

    public CatalogTables(CatalogConfig config) {
        this.items = config.tablePrefix() + ITEMS_SUFFIX;
        this.index = config.tablePrefix() + INDEX_SUFFIX;
    }

    public String items() {
        return items;
    }

    public String index() {
        return index;
    }

    public List<String> all() {
        return List.of(items, index);
    }
}
