package io.marquee.catalog.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.catalog.config.CatalogConfig;
import io.marquee.catalog.stats.events.EventConsumers;
import io.marquee.catalog.stats.events.RatingEventDeserializer;
import io.marquee.catalog.stats.repository.StatsRepository;
import io.marquee.catalog.stats.service.AbsorbGate;
import io.marquee.catalog.stats.service.Fact;
import io.marquee.catalog.stats.service.ItemStats;
import io.marquee.catalog.stats.service.StatsService;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.RatingEvent;
import io.marquee.common.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Rating changes numbered per user count once, whatever Kafka does with them: the same change
 * published again under a new offset (an outbox row re-sent after a crash), a lower number after a
 * higher one, two consumers applying the same partition. Unnumbered changes keep the offset-only
 * behaviour. Each test uses its own users and items; a "sentinel" change of the same user, published
 * last, shows when everything before it in the user's partition was applied.
 */
@QuarkusTest
class RatingDedupeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    StatsService stats;

    @Inject
    StatsRepository repository;

    @Inject
    CatalogConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    EventConsumers consumers;

    @Inject
    AbsorbGate gate;

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes the user's change {@code sequence} on a fresh item and waits until it counts. */
    private String sentinel(String user, long sequence) {
        String item = fresh("sentinel");
        Events.publish(Events.numbered(user, item, 1.0, null, sequence));
        await().atMost(PATIENCE).until(() -> stats.statsOf(item).ratingCount() == 1);
        return item;
    }

    @Test
    void theSameChangePublishedTwiceUnderNewOffsetsCountsOnce() {
        String user = fresh("dup");
        String item = fresh("dup-item");
        RatingEvent first = Events.numbered(user, item, 4.0, null, 1);
        Events.publish(first);
        await().atMost(PATIENCE).until(() -> stats.statsOf(item).ratingCount() == 1);

        // The relay sends the same row again, long after (another poll, another offset)...
        Events.publish(first);
        RatingEvent second = Events.numbered(user, item, 2.0, 4.0, 2);
        Events.publish(second);
        // ...and twice in a row, once even under another event id: within one poll too, the number decides.
        Events.publish(second);
        Events.publish(new RatingEvent(UUID.randomUUID().toString(), user, item, 2.0, 4.0, false, Instant.now())
                .withSequence(2));
        sentinel(user, 3);

        assertThat(stats.statsOf(item)).isEqualTo(new ItemStats(1, 2.0, 0));
    }

    @Test
    void aForgedChangeWithAHugeNumberDoesNotSilenceTheUsersLaterChanges() {
        String user = fresh("forged");
        String forged = fresh("forged-item");
        // Anyone who can write to the topic could send this; believed, the user's number would jump
        // to a billion and every real change after it would look applied before.
        Events.publish(Events.numbered(user, forged, 5.0, null, 1_000_000_000L));
        String real = fresh("forged-real");
        Events.publish(Events.numbered(user, real, 4.0, null, 1));
        sentinel(user, 2);

        assertThat(stats.statsOf(real)).isEqualTo(new ItemStats(1, 4.0, 0));
        assertThat(stats.statsOf(forged)).isEqualTo(ItemStats.NONE);
    }

    @Test
    void aViewFromTheFutureIsNotBelieved() {
        String user = fresh("future");
        String future = fresh("future-item");
        Events.interaction(user, future, InteractionEvent.VIEW, Instant.now().plus(Duration.ofDays(365)));
        String now = fresh("future-now");
        Events.interaction(user, now, InteractionEvent.VIEW, Instant.now());
        await().atMost(PATIENCE).until(() -> stats.statsOf(now).viewCount() == 1);

        assertThat(stats.statsOf(future)).isEqualTo(ItemStats.NONE);
    }

    @Test
    void aLowerNumberAfterAHigherOneIsSkipped() {
        String user = fresh("late");
        String applied = fresh("late-applied");
        String stale = fresh("late-stale");
        Events.publish(Events.numbered(user, applied, 3.0, null, 2));
        Events.publish(Events.numbered(user, stale, 5.0, null, 1));
        sentinel(user, 3);

        assertThat(stats.statsOf(applied)).isEqualTo(new ItemStats(1, 3.0, 0));
        assertThat(stats.statsOf(stale)).isEqualTo(ItemStats.NONE);
    }

    @Test
    void aChangeWithoutItsUsersNumberIsNotCountedAndHoldsNothingBack() {
        String user = fresh("plain");
        List<String> items = IntStream.range(0, 4).mapToObj(i -> fresh("plain-item")).toList();
        Events.unnumberedRating(user, items.get(0), 4.0, null);
        Events.publish(Events.numbered(user, items.get(1), 3.0, null, 1));
        Events.unnumberedRating(user, items.get(2), 2.0, null);
        Events.publish(Events.numbered(user, items.get(3), 1.0, null, 2));
        sentinel(user, 3);

        // It could not be told from a republished copy of itself, so it is skipped, never counted twice.
        assertThat(items).extracting(i -> stats.statsOf(i).ratingCount()).containsExactly(0L, 1L, 0L, 1L);
    }

    @Test
    void fiftyUsersChangingInParallelWithRepublishedCopiesEndExact() throws Exception {
        String item = fresh("crowd-dedupe");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> sent = new ArrayList<>();
        double expectedSum = 0;
        int expectedCount = 0;
        for (int u = 0; u < 50; u++) {
            String user = "crowd-dedupe-u" + u + "-" + item;
            double first = 0.5 + (u % 10) * 0.5;
            double second = 5.5 - first;
            boolean deletes = u % 5 == 0;
            if (!deletes) {
                expectedCount++;
                expectedSum += second;
            }
            sent.add(pool.submit(() -> {
                start.await();
                // One user's changes in order (each acknowledged before the next); every change is
                // published twice, as if every outbox row were re-sent after a crash.
                RatingEvent rate = Events.numbered(user, item, first, null, 1);
                RatingEvent rerate = Events.numbered(user, item, second, first, 2);
                Events.publish(rate);
                Events.publish(rate);
                Events.publish(rerate);
                Events.publish(rate); // a late copy of an older change
                Events.publish(rerate);
                if (deletes) {
                    RatingEvent delete = Events.numbered(user, item, null, second, 3);
                    Events.publish(delete);
                    Events.publish(delete);
                }
                sentinel(user, 4);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdownNow();

        ItemStats after = stats.statsOf(item);
        assertThat(after.ratingCount()).isEqualTo(expectedCount);
        assertThat(after.ratingAverage()).isEqualTo(expectedSum / expectedCount);
    }

    @Test
    void twoWritersOfTheSameChangeFromDifferentPartitionsApplyItOnce() throws Exception {
        // As when a user's events span partitions (a repartitioned topic) and two instances each
        // own one: only the user's row, moved in the counters' transaction, tells them apart.
        String topic = fresh("ratings-split");
        String item = fresh("split-item");
        StatsService one = new StatsService(repository, config, gate);
        StatsService other = new StatsService(repository, config, gate);
        List<String> users = IntStream.range(0, 20).mapToObj(i -> fresh("split")).toList();
        for (int i = 0; i < users.size(); i++) {
            // Both come to know the user at change 1 (each from its own partition; only one counts it).
            one.apply(topic, 0, i, List.of(rating(users.get(i), item, 1, 4.0, null, i)));
            other.apply(topic, 1, i, List.of(rating(users.get(i), item, 1, 4.0, null, i)));
        }
        assertThat(stats.statsOf(item)).isEqualTo(new ItemStats(20, 4.0, 0));

        // Then each gets change 2 of every user at once: what one knows of the user is stale as soon
        // as the other commits, and the condition on the user's row makes it read again and skip.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> skipped = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            StatsService writer = p == 0 ? one : other;
            int partition = p;
            skipped.add(pool.submit(() -> IntStream.range(0, users.size()).map(i -> writer.apply(topic, partition,
                    20 + i, List.of(rating(users.get(i), item, 2, 2.0, 4.0, 20 + i)))).sum()));
        }
        int skippedByBoth = skipped.get(0).get() + skipped.get(1).get();
        pool.shutdown();

        assertThat(skippedByBoth).isEqualTo(20);
        assertThat(stats.statsOf(item)).isEqualTo(new ItemStats(20, 2.0, 0));
    }

    private static Fact rating(String user, String item, long sequence, double rating, Double previous, long offset) {
        RatingEvent event = new RatingEvent("e", user, item, rating, previous, false, Instant.now()).withSequence(sequence);
        return Fact.rating(offset, item, event.countDelta(), Math.round(event.sumDelta() * 2), user, sequence);
    }

    @Test
    void aRestartedOrReassignedConsumerDoesNotCountAgain() {
        String user = fresh("moved");
        String item = fresh("moved-item");
        RatingEvent first = Events.numbered(user, item, 4.0, null, 1);
        RatingEvent second = Events.numbered(user, item, 3.0, 4.0, 2);
        Events.publish(first);
        Events.publish(second);
        sentinel(user, 3);
        assertThat(stats.statsOf(item)).isEqualTo(new ItemStats(1, 3.0, 0));

        // The partitions move away and back: what this instance remembered is dropped...
        List<Integer> partitions = IntStream.range(0, 3).boxed().toList();
        stats.partitionsRevoked(Topics.RATINGS, partitions);
        assertThat(partitions).allSatisfy(p -> assertThat(stats.knownUsers(Topics.RATINGS, p)).isZero());
        // ...and everything is delivered again, to it and to a freshly started instance, which
        // knows nothing yet; the crashed producer meanwhile re-sends change 2, then makes change 4.
        EventConsumers restarted = new EventConsumers(new StatsService(repository, config, gate), gate, metrics);
        Events.redeliver(Topics.RATINGS, new RatingEventDeserializer(), consumers::ratings);
        Events.publish(second);
        Events.publish(Events.numbered(user, item, 5.0, 3.0, 4));
        Events.redeliver(Topics.RATINGS, new RatingEventDeserializer(), restarted::ratings);
        sentinel(user, 5);
        Events.redeliver(Topics.RATINGS, new RatingEventDeserializer(), restarted::ratings);

        assertThat(stats.statsOf(item)).isEqualTo(new ItemStats(1, 5.0, 0));
    }
}
