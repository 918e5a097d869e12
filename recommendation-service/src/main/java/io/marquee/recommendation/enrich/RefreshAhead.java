package io.marquee.recommendation.enrich;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A cache in front of a batch read that answers from what it holds and keeps it fresh ahead of need,
 * so readers under load do not all wait on the source when entries age out at the same moment
 * (docs/benchmarks.md, issue 10: "similar" answered 504 when the catalog entries of 100 titles
 * expired together).
 *
 * <ul>
 *   <li><b>Refresh-ahead:</b> an entry read more than {@code refreshAfter} after it was fetched is
 *       served as it is, and queued for a background read; every id queued until that read starts
 *       goes in the same batch, and an id has at most one refresh queued or running.</li>
 *   <li><b>Hard bound:</b> an entry fetched {@code maxStaleness} ago or longer is never served; the
 *       reader fetches it again (an entry nobody reads is simply dropped then).</li>
 *   <li><b>Single flight:</b> ids no reader holds are fetched in one batch read by the first reader
 *       that needs them; readers that need the same ids meanwhile wait on that read instead of
 *       issuing their own. A failed read fails every reader waiting on it (and is not remembered).</li>
 *   <li>A failed refresh keeps the entry as it was (still bounded by {@code maxStaleness}); the next
 *       read after it queues another.</li>
 * </ul>
 * Time is read from the {@link Ticker} and background reads run on the {@link Executor} given, so
 * tests can drive both.
 *
 * @param <K> key
 * @param <V> value; the batch read maps each key it could answer, keys it leaves out are not kept
 */
final class RefreshAhead<K, V> {

    private final Function<List<K>, Map<K, V>> read;
    private final Ticker ticker;
    private final Executor executor;
    private final long refreshAfterNanos;
    private final long maxStalenessNanos;
    private final Cache<K, Entry<V>> entries;
    /** Reads of absent keys in flight, by key: a reader needing one waits on it (single flight). */
    private final Map<K, CompletableFuture<V>> loading = new ConcurrentHashMap<>();
    /** Keys queued for, or in, a background refresh: at most one each. */
    private final Set<K> refreshing = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<K> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    /**
     * @param read           the batch read: the values of the keys it can answer (it splits large
     *                       batches itself); throws when the source cannot answer
     * @param refreshAfter   an entry older than this is refreshed in the background when read
     * @param maxStaleness   an entry this old is never served
     * @param maxEntries     entries kept, least recently used go first
     */
    RefreshAhead(Function<List<K>, Map<K, V>> read, Duration refreshAfter, Duration maxStaleness, long maxEntries,
                 Ticker ticker, Executor executor) {
        if (refreshAfter.compareTo(maxStaleness) >= 0) {
            throw new IllegalArgumentException("refresh-after (" + refreshAfter + ") must be shorter than max-staleness ("
                    + maxStaleness + "), or entries would expire before they are refreshed");
        }
        this.read = read;
        this.ticker = ticker;
        this.executor = executor;
        this.refreshAfterNanos = refreshAfter.toNanos();
        this.maxStalenessNanos = maxStaleness.toNanos();
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(maxStaleness).ticker(ticker)
                .executor(Runnable::run).build();
    }

    /**
     * The values of {@code keys} (those the source knows), fresh within the hard bound; a key not
     * held is read, in one batch with the other keys not held.
     *
     * @throws RuntimeException what the batch read threw, when a key had to be read and could not be
     */
    Map<K, V> getAll(Collection<K> keys) {
        long now = ticker.read();
        Map<K, V> found = new HashMap<>();
        Map<K, CompletableFuture<V>> mine = new LinkedHashMap<>();
        Map<K, CompletableFuture<V>> others = new LinkedHashMap<>();
        for (K key : new LinkedHashSet<>(keys)) {
            Entry<V> entry = entries.getIfPresent(key);
            long age = entry == null ? Long.MAX_VALUE : now - entry.fetchedAt();
            if (age < maxStalenessNanos) {
                found.put(key, entry.value());
                if (age >= refreshAfterNanos) {
                    refreshLater(key);
                }
                continue;
            }
            CompletableFuture<V> own = new CompletableFuture<>();
            CompletableFuture<V> inFlight = loading.putIfAbsent(key, own);
            if (inFlight != null) {
                others.put(key, inFlight);
            } else {
                mine.put(key, own);
            }
        }
        if (!mine.isEmpty()) {
            found.putAll(load(mine));
        }
        others.forEach((key, future) -> {
            V value = await(future);
            if (value != null) {
                found.put(key, value);
            }
        });
        return found;
    }

    /** What is held for {@code key} now (fresh or not, within the hard bound), without reading or refreshing. */
    V peek(K key) {
        Entry<V> entry = entries.getIfPresent(key);
        return entry == null || ticker.read() - entry.fetchedAt() >= maxStalenessNanos ? null : entry.value();
    }

    /** Holds {@code value} for {@code key} as fetched now (a read that answered it as a side effect). */
    void put(K key, V value) {
        entries.put(key, new Entry<>(value, ticker.read()));
    }

    /** Reads the keys this reader claimed, completes their waiters, and returns what was found. */
    private Map<K, V> load(Map<K, CompletableFuture<V>> claimed) {
        try {
            long fetchedAt = ticker.read();
            Map<K, V> values = read.apply(new ArrayList<>(claimed.keySet()));
            claimed.forEach((key, future) -> {
                V value = values.get(key);
                if (value != null) {
                    entries.put(key, new Entry<>(value, fetchedAt));
                }
                loading.remove(key, future);
                future.complete(value);
            });
            return values;
        } catch (RuntimeException | Error e) {
            claimed.forEach((key, future) -> {
                loading.remove(key, future);
                future.completeExceptionally(e);
            });
            throw e;
        }
    }

    private void refreshLater(K key) {
        if (refreshing.add(key)) {
            queued.add(key);
            if (flushScheduled.compareAndSet(false, true)) {
                executor.execute(this::refreshQueued);
            }
        }
    }

    /** One background batch read of every key queued so far; keys queued while it runs get the next one. */
    private void refreshQueued() {
        flushScheduled.set(false);
        List<K> batch = new ArrayList<>();
        for (K key = queued.poll(); key != null; key = queued.poll()) {
            batch.add(key);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            long fetchedAt = ticker.read();
            Map<K, V> values = read.apply(batch);
            for (K key : batch) {
                V value = values.get(key);
                if (value != null) {
                    entries.put(key, new Entry<>(value, fetchedAt));
                }
            }
        } catch (RuntimeException e) {
            // The entries stay as they were, within the hard bound; the source's client has said why.
        } finally {
            batch.forEach(refreshing::remove);
        }
    }

    private static <V> V await(CompletableFuture<V> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private record Entry<V>(V value, long fetchedAt) {
    }
}
