package io.marquee.recommendation.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.marquee.recommendation.Neighbours;
import io.marquee.recommendation.config.RecommendationsConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog data an answer shows is refreshed ahead of need, within a hard bound, and shared by
 * concurrent readers: against the module's catalog-service stand-in over HTTP (its batch read
 * contract), with time and background refreshes driven by the test.
 */
@QuarkusTest
class CatalogRefreshAheadTest {

    @Inject
    @RestClient
    CatalogClient client;

    @Inject
    RecommendationsConfig config;

    private final ManualTicker ticker = new ManualTicker();
    private final QueuedExecutor refreshes = new QueuedExecutor();
    private Catalog catalog;

    @BeforeEach
    void freshCatalog() {
        catalog = new Catalog(client, config, ticker, refreshes);
    }

    @Test
    void aStaleEntryIsServedWhileOneBackgroundBatchReadReplacesIt() {
        Neighbours.average("t51", 3.0);
        Neighbours.average("t52", 3.5);
        assertThat(averages(catalog.lookup(List.of("t51", "t52")))).containsEntry("t51", 3.0).containsEntry("t52", 3.5);
        int requests = Neighbours.lookupRequests();

        Neighbours.average("t51", 4.0);
        Neighbours.average("t52", 4.5);
        ticker.advance(config.catalogCache().refreshAfter());
        // Past refresh-after, within the hard bound: answered at once with what is held, twice ...
        assertThat(averages(catalog.lookup(List.of("t51", "t52")))).containsEntry("t51", 3.0).containsEntry("t52", 3.5);
        assertThat(averages(catalog.lookup(List.of("t52", "t51")))).containsEntry("t51", 3.0).containsEntry("t52", 3.5);
        assertThat(Neighbours.lookupRequests()).isEqualTo(requests);
        // ... with one refresh queued for both, not one per id or per read.
        assertThat(refreshes.pending()).isEqualTo(1);

        refreshes.runAll();
        assertThat(Neighbours.lookupRequests()).isEqualTo(requests + 1);
        assertThat(averages(catalog.lookup(List.of("t51", "t52")))).containsEntry("t51", 4.0).containsEntry("t52", 4.5);
        assertThat(refreshes.pending()).isZero();
        assertThat(Neighbours.lookupRequests()).isEqualTo(requests + 1);
    }

    @Test
    void anEntryPastTheHardBoundIsReadAgainBeforeItIsServed() {
        // Other tests of this JVM may have read t53 through the service's own catalog: count from here.
        int before = Neighbours.lookupsOf("t53");
        Neighbours.average("t53", 2.0);
        assertThat(averages(catalog.lookup(List.of("t53")))).containsEntry("t53", 2.0);

        Neighbours.average("t53", 5.0);
        ticker.advance(config.catalogCache().maxStaleness());
        assertThat(averages(catalog.lookup(List.of("t53")))).containsEntry("t53", 5.0);
        assertThat(Neighbours.lookupsOf("t53")).isEqualTo(before + 2);
        assertThat(refreshes.pending()).isZero();
    }

    @Test
    void concurrentReadersOfTheSameMissingIdsShareOneCatalogRead() throws Exception {
        int before = Neighbours.lookupsOf("t54");
        Neighbours.average("t54", 3.25);
        Neighbours.holdLookupsOf("t54");
        Map<String, Double> seen = new ConcurrentHashMap<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = "reader-" + i;
            Thread reader = new Thread(() -> seen.put(name, catalog.lookup(List.of("t54")).get("t54").ratingAverage()),
                    name);
            reader.start();
            readers.add(reader);
        }
        Neighbours.awaitHeldLookup("t54");
        // Every reader is parked: on its own catalog read (which the stand-in holds) or on another's.
        for (Thread reader : readers) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (reader.getState() != Thread.State.WAITING && reader.getState() != Thread.State.TIMED_WAITING
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        Neighbours.releaseLookups("t54");
        for (Thread reader : readers) {
            reader.join(TimeUnit.SECONDS.toMillis(20));
        }

        assertThat(seen).hasSize(6).allSatisfy((reader, average) -> assertThat(average).isEqualTo(3.25));
        assertThat(Neighbours.lookupsOf("t54")).isEqualTo(before + 1);
    }

    @Test
    void idsTheCatalogDoesNotKnowAreAbsentAndRememberedAsUnknown() {
        assertThat(catalog.lookup(List.of("t56", "gone-1"))).containsOnlyKeys("t56");
        assertThat(catalog.lookup(List.of("gone-1"))).isEmpty();
        assertThat(Neighbours.lookupsOf("gone-1")).isEqualTo(1);
    }

    private static Map<String, Double> averages(Map<String, CatalogItem> items) {
        Map<String, Double> averages = new ConcurrentHashMap<>();
        items.forEach((id, item) -> averages.put(id, item.ratingAverage()));
        return averages;
    }

    /** Time that moves only when the test says so. */
    static final class ManualTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong();

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }
    }

    /** Background work that runs only when the test says so. */
    static final class QueuedExecutor implements Executor {
        private final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            queue.add(task);
        }

        synchronized int pending() {
            return queue.size();
        }

        void runAll() {
            for (Runnable task = poll(); task != null; task = poll()) {
                task.run();
            }
        }

        private synchronized Runnable poll() {
            return queue.poll();
        }
    }
}
