package io.marquee.rating.client;

import io.marquee.common.problem.Problem;
import io.marquee.common.problem.ProblemException;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Items that catalog-service confirmed exist, remembered for a while (cache {@code known-items},
 * bounded, with a time to live: {@code ratings.catalog.cache-*}). Only positive answers are
 * remembered: an unknown item, or a catalog that could not answer, is an exception, and
 * exceptions are never cached.
 */
@ApplicationScoped
public class KnownItems {

    static final String CACHE = "known-items";

    private final CatalogItems catalog;

    public KnownItems(CatalogItems catalog) {
        this.catalog = catalog;
    }

    /**
     * Returns normally if the item exists.
     *
     * @throws ProblemException 404 naming {@code itemId} if catalog-service does not know it, 503 if it could not say
     */
    @CacheResult(cacheName = CACHE)
    public Boolean require(String itemId) {
        if (!catalog.exists(itemId)) {
            throw new ProblemException(404, "Unknown item", "The catalog has no item " + itemId,
                    List.of(new Problem.FieldError("itemId", "is not an item of the catalog")));
        }
        return Boolean.TRUE;
    }
}
