package io.marquee.catalog.web;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.marquee.common.concurrent.Futures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A bounded in-process cache of one kind of read, in front of DynamoDB (ADR 10).
 * <ul>
 * <li>One load per key at a time: concurrent readers of a missing key wait for the one load,
 *     which runs on the first reader's thread.</li>
 * <li>An entry lives for its time to live; once half of it has passed, the next read still gets
 *     it and starts a reload in the background, so readers of a busy key never wait on DynamoDB.
 *     A failed reload keeps the entry until it expires; a failed load is not kept.</li>
 * <li>After {@link #invalidate} or {@link #invalidateAll} returns, no read gets a value loaded
 *     before it: a load only starts once its pending entry is in the cache, so invalidation
 *     removes it, and Caffeine drops a background reload whose entry was removed meanwhile.
 *     Readers already waiting on such a load get its result: they overlapped the write.</li>
 * <li>A time to live of zero turns the cache off: every read loads.</li>
 * </ul>
 * Hits, misses, loads and evictions are published as Micrometer {@code cache.*} meters tagged
 * with the cache's name.
 */
public final class ReadCache<K, V> {

    private final Function<K, V> loader;
    private final AsyncLoadingCache<K, V> cache;

    /**
     * @param ttl      the cache's time to live: zero turns it off; half of it paces background reloads
     * @param ttlOf    the time to live of a given value (a missing item lives shorter than a found one)
     * @param executor runs background reloads and the cache's upkeep
     */
    ReadCache(String name, Duration ttl, Function<? super V, Duration> ttlOf, long maxSize, Function<K, V> loader,
              Executor executor, Ticker ticker, MeterRegistry registry) {
        this.loader = loader;
        if (ttl.isZero() || ttl.isNegative()) {
            this.cache = null;
            return;
        }
        Caffeine<Object, Object> builder = Caffeine.newBuilder()
                .maximumSize(Math.max(0, maxSize))
                .executor(executor)
                .ticker(ticker)
                .recordStats();
        Duration refresh = ttl.dividedBy(2);
        if (!refresh.isZero()) {
            builder.refreshAfterWrite(refresh);
        }
        Expiry<K, V> expiry = Expiry.writing((key, value) -> positive(ttlOf.apply(value)));
        AsyncCacheLoader<K, V> reload = (key, pool) -> CompletableFuture.supplyAsync(() -> loader.apply(key), pool);
        this.cache = builder.expireAfter(expiry).buildAsync(reload);
        CaffeineCacheMetrics.monitor(registry, cache, name);
    }

    /** The value for {@code key}, from memory when it is there and fresh enough, else loaded. */
    public V get(K key) {
        if (cache == null) {
            return loader.apply(key);
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> found = cache.get(key, (k, pool) -> mine);
        if (found == mine) {
            // Loaded here rather than on the executor: no hand-off, and a burst of misses cannot
            // queue behind a few threads. Meanwhile the cache holds the pending future.
            try {
                mine.complete(loader.apply(key));
            } catch (Throwable e) {
                mine.completeExceptionally(e);
            }
        }
        // Callers see what the load threw (a DynamoDB failure, a problem), as without the cache.
        return Futures.join(found);
    }

    /** Forgets {@code key}; a load or reload of it in flight is not kept either. */
    public void invalidate(K key) {
        if (cache != null) {
            cache.synchronous().invalidate(key);
        }
    }

    /** Forgets every entry; loads and reloads in flight are not kept either. */
    public void invalidateAll() {
        if (cache != null) {
            cache.synchronous().invalidateAll();
        }
    }

    /** Entries held now (after pending upkeep), for tests of the bound. */
    long size() {
        if (cache == null) {
            return 0;
        }
        cache.synchronous().cleanUp();
        return cache.synchronous().estimatedSize();
    }

    private static Duration positive(Duration ttl) {
        return ttl.isNegative() ? Duration.ZERO : ttl;
    }
}
