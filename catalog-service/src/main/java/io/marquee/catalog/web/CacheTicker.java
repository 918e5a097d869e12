package io.marquee.catalog.web;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The clock the read caches measure ages with. A bean of its own so that tests can move time
 * forward and check expiry and background reloads without waiting.
 */
@ApplicationScoped
public class CacheTicker implements Ticker {

    @Override
    public long read() {
        return System.nanoTime();
    }
}
