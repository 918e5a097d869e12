package io.marquee.rating.review.service;

import io.quarkus.cache.CacheInvalidate;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The review summaries this replica has read recently ({@code quarkus.cache.caffeine."review-summaries"},
 * 2 s by default). Every movie page carries its summary, three DynamoDB reads each; a short-lived
 * copy takes that off the request path, as the catalog's read caches do for stats (ADR 10). Writes
 * on this replica drop their item's entry at once, so authors see their own change; another
 * replica's write shows within the time to live.
 */
@ApplicationScoped
public class SummaryCache {

    public static final String NAME = "review-summaries";

    /** Forget the item's summary: a labelled rating, a delete, a relabel or a vote changed it. */
    @CacheInvalidate(cacheName = NAME)
    public void changed(String itemId) {
        // The interceptor does the work.
    }
}
