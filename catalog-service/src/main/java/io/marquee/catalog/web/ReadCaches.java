package io.marquee.catalog.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Makes this service's {@link ReadCache}s, which share one clock, one reload pool and the meter registry. */
@ApplicationScoped
public class ReadCaches {

    /**
     * Threads for background reloads (blocking DynamoDB reads) and cache upkeep. Each busy key
     * reloads at most once per half time to live; if reloads fall behind, entries expire and
     * readers load them themselves, so a small pool bounds the background load without losing
     * freshness beyond the time to live.
     */
    static final int RELOAD_THREADS = 4;

    private final CacheTicker ticker;
    private final MeterRegistry registry;
    private final ExecutorService reloads;
    private final List<ReadCache<?, ?>> made = new CopyOnWriteArrayList<>();

    public ReadCaches(CacheTicker ticker, MeterRegistry registry) {
        this.ticker = ticker;
        this.registry = registry;
        AtomicInteger threads = new AtomicInteger();
        this.reloads = Executors.newFixedThreadPool(RELOAD_THREADS, r -> {
            Thread thread = new Thread(r, "catalog-cache-reload-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        reloads.shutdownNow();
    }

    /** A cache whose entries all live {@code ttl} (zero: no cache) and of which at most {@code maxSize} are kept. */
    public <K, V> ReadCache<K, V> create(String name, Duration ttl, int maxSize, Function<K, V> loader) {
        return create(name, ttl, value -> ttl, maxSize, loader);
    }

    /** As {@link #create(String, Duration, int, Function)}, each entry living {@code ttlOf} its value. */
    public <K, V> ReadCache<K, V> create(String name, Duration ttl, Function<? super V, Duration> ttlOf, int maxSize,
                                         Function<K, V> loader) {
        ReadCache<K, V> cache = new ReadCache<>(name, ttl, ttlOf, maxSize, loader, reloads, ticker, registry);
        made.add(cache);
        return cache;
    }

    /** Forgets every entry of every cache (tests start from empty caches). */
    public void invalidateAll() {
        made.forEach(ReadCache::invalidateAll);
    }
}
