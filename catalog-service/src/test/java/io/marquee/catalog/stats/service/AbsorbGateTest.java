package io.marquee.catalog.stats.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.catalog.config.CatalogConfig;
import io.marquee.catalog.stats.repository.StatsRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Absorbing a backlog of events is background work: it stops first when the service stops (before
 * the DynamoDB client closes), losing nothing and counting nothing twice when the batch comes
 * again, and it waits while requests are being served. Each test has its own gate, service and
 * topic, so the module's real consumers are not affected.
 */
@QuarkusTest
class AbsorbGateTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Views of as many items: one transaction holds at most ~97 items, so this is many chunks. */
    private static final int EVENTS = 1_500;

    @Inject
    StatsRepository repository;

    @Inject
    CatalogConfig config;

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<Fact> viewsOfDistinctItems(String prefix) {
        Instant at = Instant.now();
        return IntStream.range(0, EVENTS).mapToObj(i -> Fact.interaction(i, prefix + "-" + i, true, at)).toList();
    }

    /** Applies {@code facts} as the Kafka consumer does, inside the gate, on its own thread. */
    private static CompletableFuture<Integer> absorb(AbsorbGate gate, StatsService stats, String topic, List<Fact> facts) {
        return CompletableFuture.supplyAsync(() -> {
            gate.enter();
            try {
                return stats.apply(topic, 0, facts.size() - 1, facts);
            } finally {
                gate.leave();
            }
        });
    }

    @Test
    void stoppingEndsTheBatchAtItsNextChunkAndItsRedeliveryCountsEveryEventOnce() throws Exception {
        AbsorbGate gate = new AbsorbGate(Duration.ZERO);
        StatsService stats = new StatsService(repository, config, gate);
        String topic = fresh("absorb-stop");
        List<Fact> facts = viewsOfDistinctItems(topic);

        CompletableFuture<Integer> batch = absorb(gate, stats, topic, facts);
        await().atMost(PATIENCE).until(() -> repository.watermark(topic, 0) >= 0);
        gate.stop(Duration.ofSeconds(30));

        // stop() returned: the batch has left, and it left by refusing to go on, not by finishing.
        assertThat(batch.handle((n, e) -> e == null ? null : e.getCause()).get(10, TimeUnit.SECONDS))
                .isInstanceOf(AbsorbGate.AbsorbStopped.class);
        long applied = repository.watermark(topic, 0);
        assertThat(applied).isBetween(0L, (long) EVENTS - 2);
        // Exactly the chunks up to the watermark were written; nothing after the stop.
        for (int i : new int[] {0, (int) applied, (int) applied + 1, EVENTS - 1}) {
            assertThat(stats.statsOf(topic + "-" + i).viewCount()).as("item %d", i).isEqualTo(i <= applied ? 1 : 0);
        }
        assertThat(gate.yielding()).isZero();

        // The next start delivers the unacknowledged batch again: the rest counts, the start once.
        AbsorbGate restarted = new AbsorbGate(Duration.ZERO);
        absorb(restarted, new StatsService(repository, config, restarted), topic, facts).get(60, TimeUnit.SECONDS);
        assertThat(repository.watermark(topic, 0)).isEqualTo(EVENTS - 1);
        assertThat(IntStream.range(0, EVENTS).filter(i -> i % 97 == 0 || i == EVENTS - 1)
                .mapToLong(i -> stats.statsOf(topic + "-" + i).viewCount())).containsOnly(1L);
    }

    @Test
    void aStoppedGateRefusesNewBatchesBeforeTheyTouchDynamoDb() {
        AbsorbGate gate = new AbsorbGate(Duration.ZERO);
        gate.stop(Duration.ofSeconds(1));
        String topic = fresh("absorb-refused");
        CompletableFuture<Integer> batch = absorb(gate, new StatsService(repository, config, gate), topic,
                viewsOfDistinctItems(topic).subList(0, 10));

        await().atMost(PATIENCE).until(batch::isDone);
        assertThat(batch).isCompletedExceptionally();
        assertThat(repository.watermark(topic, 0)).isEqualTo(-1);
    }

    @Test
    void aBacklogWaitsWhileARequestIsServedAndGoesOnWhenItEnds() throws Exception {
        AbsorbGate gate = new AbsorbGate(Duration.ofMinutes(10));
        StatsService stats = new StatsService(repository, config, gate);
        String topic = fresh("absorb-yield");
        List<Fact> facts = viewsOfDistinctItems(topic).subList(0, 300);

        gate.requestStarted();
        CompletableFuture<Integer> batch = absorb(gate, stats, topic, facts);
        await().atMost(PATIENCE).until(() -> gate.yielding() == 1);
        assertThat(repository.watermark(topic, 0)).as("nothing written while the request is served").isEqualTo(-1);
        assertThat(batch).isNotDone();

        gate.requestEnded();
        batch.get(60, TimeUnit.SECONDS);
        assertThat(repository.watermark(topic, 0)).isEqualTo(facts.size() - 1);
        assertThat(stats.statsOf(topic + "-299").viewCount()).isEqualTo(1);
    }
}
