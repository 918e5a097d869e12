package io.marquee.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cache's contract, with time moved by hand (no test waits for an entry to age) and the
 * background work run when the test says so.
 */
class ReadCacheTest {

    private static final Duration TTL = Duration.ofSeconds(2);

    /** The clock the cache reads; tests move it. */
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    /** Background work (reloads, upkeep) waits here until {@link #runBackgroundWork()}. */
    private final ConcurrentLinkedQueue<Runnable> background = new ConcurrentLinkedQueue<>();
    private final Executor later = background::add;
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final List<ExecutorService> pools = new ArrayList<>();

    /** What the store holds now: each load reads it and counts. */
    private final AtomicReference<String> stored = new AtomicReference<>("v1");
    private final AtomicInteger loads = new AtomicInteger();
    private final Function<String, String> store = key -> {
        loads.incrementAndGet();
        return key + "=" + stored.get();
    };

    @AfterEach
    void stopPools() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    private ReadCache<String, String> cache(Function<String, String> loader, Executor executor) {
        return new ReadCache<>("test", TTL, value -> TTL, 100, loader, executor, now::get, registry);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    private void runBackgroundWork() {
        for (Runnable task; (task = background.poll()) != null; ) {
            task.run();
        }
    }

    private ExecutorService pool(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        pools.add(pool);
        return pool;
    }

    @Test
    void anEntryIsServedUntilItsTimeToLiveAndLoadedAgainAfter() {
        ReadCache<String, String> cache = cache(store, later);
        assertThat(cache.get("a")).isEqualTo("a=v1");
        stored.set("v2");
        advance(TTL.dividedBy(2).minusNanos(1));
        assertThat(cache.get("a")).isEqualTo("a=v1");
        assertThat(loads).hasValue(1);

        advance(TTL);
        assertThat(cache.get("a")).isEqualTo("a=v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aReadPastHalfTheTimeToLiveGetsTheEntryAtOnceAndReloadsItInTheBackground() {
        ReadCache<String, String> cache = cache(store, later);
        cache.get("a");
        stored.set("v2");
        advance(TTL.dividedBy(2).plusNanos(1));
        assertThat(cache.get("a")).isEqualTo("a=v1");
        assertThat(loads).hasValue(1); // the reader did not load

        runBackgroundWork();
        assertThat(loads).hasValue(2);
        assertThat(cache.get("a")).isEqualTo("a=v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aFailedReloadKeepsTheEntryUntilItExpires() {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ReadCache<String, String> cache = cache(key -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            return store.apply(key);
        }, later);
        cache.get("a");
        failure.set(new IllegalStateException("DynamoDB is unreachable"));
        advance(TTL.dividedBy(2).plusNanos(1));
        assertThat(cache.get("a")).isEqualTo("a=v1");
        runBackgroundWork();
        assertThat(cache.get("a")).isEqualTo("a=v1");

        advance(TTL);
        assertThatThrownBy(() -> cache.get("a")).isSameAs(failure.get());
    }

    @Test
    void aFailedLoadIsNotKept() {
        RuntimeException failure = new IllegalStateException("throttled");
        AtomicInteger calls = new AtomicInteger();
        ReadCache<String, String> cache = cache(key -> {
            if (calls.incrementAndGet() == 1) {
                throw failure;
            }
            return store.apply(key);
        }, later);
        assertThatThrownBy(() -> cache.get("a")).isSameAs(failure);
        assertThat(cache.get("a")).isEqualTo("a=v1");
        assertThat(calls).hasValue(2);
    }

    @Test
    void concurrentReadersOfAMissingKeyShareOneLoad() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ReadCache<String, String> cache = cache(key -> {
            loading.countDown();
            waitFor(release);
            return store.apply(key);
        }, later);
        ExecutorService readers = pool(8);
        List<Thread> threads = new ArrayList<>();
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(readers.submit(() -> {
                synchronized (threads) {
                    threads.add(Thread.currentThread());
                }
                return cache.get("a");
            }));
        }
        waitFor(loading);
        // Every reader is parked: seven wait for the one that loads, which waits for the release.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            synchronized (threads) {
                return threads.size() == 8 && threads.stream().allMatch(ReadCacheTest::parked);
            }
        });
        release.countDown();
        for (Future<String> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("a=v1");
        }
        assertThat(loads).hasValue(1);
    }

    @ParameterizedTest(name = "invalidate all: {0}")
    @ValueSource(booleans = {false, true})
    void aLoadThatReadBeforeAnInvalidationIsNotServedAfterIt(boolean all) throws Exception {
        CountDownLatch readTheStore = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        ReadCache<String, String> cache = cache(key -> {
            String value = store.apply(key);
            if (calls.incrementAndGet() == 1) {
                readTheStore.countDown();
                waitFor(release);
            }
            return value;
        }, later);
        Future<String> early = pool(1).submit(() -> cache.get("a"));
        waitFor(readTheStore);
        // A write lands and is announced while that load still holds what it read.
        stored.set("v2");
        invalidate(cache, "a", all);
        release.countDown();
        assertThat(early.get(30, TimeUnit.SECONDS)).isEqualTo("a=v1"); // it overlapped the write
        assertThat(cache.get("a")).isEqualTo("a=v2");
    }

    @ParameterizedTest(name = "invalidate all: {0}")
    @ValueSource(booleans = {false, true})
    void aReloadThatReadBeforeAnInvalidationIsDropped(boolean all) throws Exception {
        CountDownLatch readTheStore = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        ExecutorService reloads = pool(1);
        ReadCache<String, String> cache = cache(key -> {
            String value = store.apply(key);
            if (calls.incrementAndGet() == 2) {
                readTheStore.countDown();
                waitFor(release);
            }
            return value;
        }, reloads);
        cache.get("a");
        advance(TTL.dividedBy(2).plusNanos(1));
        assertThat(cache.get("a")).isEqualTo("a=v1"); // starts the reload
        waitFor(readTheStore);
        stored.set("v2");
        invalidate(cache, "a", all);
        release.countDown();
        reloads.submit(() -> { }).get(30, TimeUnit.SECONDS); // one thread: the reload has finished
        assertThat(cache.get("a")).isEqualTo("a=v2");
    }

    @Test
    void invalidatingOneKeyLeavesTheOthers() {
        ReadCache<String, String> cache = cache(store, later);
        cache.get("a");
        cache.get("b");
        stored.set("v2");
        cache.invalidate("a");
        assertThat(cache.get("a")).isEqualTo("a=v2");
        assertThat(cache.get("b")).isEqualTo("b=v1");
        assertThat(loads).hasValue(3);
    }

    @Test
    void eachValueMayLiveItsOwnTime() {
        Duration missing = Duration.ofMillis(100);
        ReadCache<String, String> cache = new ReadCache<>("test", TTL,
                value -> value.endsWith("=none") ? missing : TTL, 100, store, later, now::get, registry);
        stored.set("none");
        cache.get("gone");
        stored.set("v1");
        cache.get("here");
        advance(missing.plusNanos(1));
        assertThat(cache.get("gone")).isEqualTo("gone=v1");
        assertThat(cache.get("here")).isEqualTo("here=v1");
        assertThat(loads).hasValue(3);
    }

    @Test
    void aTimeToLiveOfZeroLoadsEveryRead() {
        ReadCache<String, String> cache = new ReadCache<>("off", Duration.ZERO, value -> Duration.ZERO, 100, store,
                later, now::get, registry);
        cache.get("a");
        cache.get("a");
        assertThat(loads).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void itKeepsAtMostItsMaximumSize() {
        ReadCache<String, String> cache = new ReadCache<>("small", TTL, value -> TTL, 5, store, Runnable::run,
                now::get, registry);
        for (int i = 0; i < 50; i++) {
            cache.get("k" + i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(5);
    }

    @Test
    void hitsAndMissesAreCounted() {
        ReadCache<String, String> cache = cache(store, later);
        cache.get("a");
        cache.get("a");
        cache.get("a");
        assertThat(registry.get("cache.gets").tag("cache", "test").tag("result", "hit").functionCounter().count())
                .isEqualTo(2.0);
        assertThat(registry.get("cache.gets").tag("cache", "test").tag("result", "miss").functionCounter().count())
                .isEqualTo(1.0);
    }

    private static void invalidate(ReadCache<String, String> cache, String key, boolean all) {
        if (all) {
            cache.invalidateAll();
        } else {
            cache.invalidate(key);
        }
    }

    private static boolean parked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("never happened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
