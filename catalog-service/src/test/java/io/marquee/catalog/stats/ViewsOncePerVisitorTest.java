package io.marquee.catalog.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.catalog.config.CatalogConfig;
import io.marquee.catalog.stats.repository.StatsRepository;
import io.marquee.catalog.stats.service.AbsorbGate;
import io.marquee.catalog.stats.service.Fact;
import io.marquee.catalog.stats.service.StatsService;
import io.marquee.common.events.AnonymousUsers;
import io.marquee.common.events.InteractionEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One client cannot push a title up "most viewed" or "trending" by sending the same visitor's
 * events again and again: a visitor (the signed-in user, else the session) counts once per item and
 * day, as a view and towards trending, whatever the client claims as the event time; Kafka's
 * redelivery and a restart handed what was applied before count nothing again (ADR 39).
 *
 * <p>Events are published on the real broker with their record timestamps (the time Kafka received
 * them, by which the window is chosen) fixed in the past, so no test depends on the clock or meets a
 * midnight while it runs. A "sentinel" view of the same visitor, published last, shows when
 * everything before it in the visitor's partition was applied.
 */
@QuarkusTest
class ViewsOncePerVisitorTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long DAY = Duration.ofHours(24).toMillis();
    /** 10:00 UTC three days ago: the default window is the UTC day. */
    private static final Instant MORNING = Instant.ofEpochMilli(
            Math.floorDiv(System.currentTimeMillis(), DAY) * DAY - 3 * DAY).plus(Duration.ofHours(10));

    @Inject
    StatsService stats;

    @Inject
    StatsRepository repository;

    @Inject
    CatalogConfig config;

    @Inject
    AbsorbGate gate;

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A view of a fresh item by {@code visitor}, published last: once it counts, all before it did. */
    private void sentinel(String visitor) {
        String item = fresh("sentinel");
        Events.interaction(visitor, item, InteractionEvent.VIEW, MORNING, MORNING);
        await().atMost(PATIENCE).until(() -> stats.statsOf(item).viewCount() == 1);
    }

    /** Interactions of the item counted towards trending, in its last two windows. */
    private long trending(String item) {
        return repository.find(item).map(e -> e.trendCurrent() + e.trendPrevious()).orElse(0L);
    }

    @Test
    void oneVisitorsFiftyViewsOfAnItemCountOnceAndTheirOtherInteractionsAddNothingToTrending() {
        String user = UUID.randomUUID().toString();
        String item = fresh("once");
        for (int i = 0; i < 50; i++) {
            Events.interaction(user, item, InteractionEvent.VIEW, MORNING, MORNING.plusSeconds(i));
        }
        // Other kinds of interaction raise trending just as views do: they are not a way round it.
        for (int i = 0; i < 10; i++) {
            Events.interaction(user, item, InteractionEvent.CLICK, MORNING, MORNING.plusSeconds(60 + i));
            Events.interaction(user, item, InteractionEvent.WATCH, MORNING, MORNING.plusSeconds(90 + i));
        }
        sentinel(user);

        assertThat(stats.statsOf(item).viewCount()).isEqualTo(1);
        assertThat(trending(item)).isEqualTo(1);
    }

    @Test
    void eachVisitorCountsOnceASignedOutVisitorBeingTheirSession() {
        String item = fresh("visitors");
        String signedIn = UUID.randomUUID().toString();
        String firstTab = AnonymousUsers.of(UUID.randomUUID().toString());
        String secondTab = AnonymousUsers.of(UUID.randomUUID().toString());
        for (String visitor : List.of(signedIn, firstTab, secondTab)) {
            for (int i = 0; i < 20; i++) {
                Events.interaction(visitor, item, i % 4 == 3 ? InteractionEvent.CLICK : InteractionEvent.VIEW,
                        MORNING, MORNING.plusSeconds(i));
            }
        }
        List.of(signedIn, firstTab, secondTab).forEach(this::sentinel);

        assertThat(stats.statsOf(item).viewCount()).isEqualTo(3);
        assertThat(trending(item)).isEqualTo(3);
    }

    @Test
    void theSameVisitorCountsAgainTheNextDayWhateverEventTimeTheClientClaims() {
        String user = UUID.randomUUID().toString();
        String item = fresh("daily");
        // Day one, from 10:00 to 23:59: and the client claims thirty different days as event times.
        for (int i = 0; i < 30; i++) {
            Instant received = MORNING.plus(Duration.ofMinutes(i * 28L));
            Events.interaction(user, item, InteractionEvent.VIEW, MORNING.minus(Duration.ofDays(i)), received);
        }
        Events.interaction(user, item, InteractionEvent.VIEW, MORNING, MORNING.plus(Duration.ofMinutes(14 * 60 - 1)));
        // Day two from midnight, and day three.
        for (int day = 1; day <= 2; day++) {
            Instant midnight = MORNING.minus(Duration.ofHours(10)).plus(Duration.ofDays(day));
            for (int i = 0; i < 5; i++) {
                Events.interaction(user, item, InteractionEvent.VIEW, midnight, midnight.plusSeconds(i * 3600L));
            }
        }
        sentinel(user);

        assertThat(stats.statsOf(item).viewCount()).isEqualTo(3);
    }

    @Test
    void aRestartedConsumerHandedWhatWasAppliedBeforeDoesNotCountItAgain() {
        // Its own topic name: these partitions and their watermarks belong to this test alone.
        String topic = fresh("interactions-restart");
        String item = fresh("restart-item");
        String user = UUID.randomUUID().toString();
        long morning = MORNING.toEpochMilli();
        List<Fact> applied = IntStream.range(0, 5)
                .mapToObj(i -> Fact.interaction(i, item, true, MORNING, user, morning + i * 60_000L)).toList();
        StatsService before = new StatsService(repository, config, gate);
        before.apply(topic, 0, 4, applied);
        assertThat(stats.statsOf(item).viewCount()).isEqualTo(1);

        // A restart: the new instance remembers nothing, and Kafka hands it everything since the last
        // committed offset (here: all of it), then the same visitor's next interactions that day.
        StatsService after = new StatsService(repository, config, gate);
        List<Fact> redelivered = new ArrayList<>(applied);
        redelivered.add(Fact.interaction(5, item, true, MORNING, user, morning + 3_600_000L));
        redelivered.add(Fact.interaction(6, item, false, MORNING, user, morning + 3_700_000L));
        after.apply(topic, 0, 6, redelivered);
        assertThat(stats.statsOf(item).viewCount()).isEqualTo(1);
        assertThat(trending(item)).isEqualTo(1);

        // Delivered once more to both (a rebalance that moved the partition back and forth).
        before.apply(topic, 0, 6, redelivered);
        after.apply(topic, 0, 6, redelivered);
        assertThat(stats.statsOf(item).viewCount()).isEqualTo(1);

        // The next day counts again, once.
        after.apply(topic, 0, 8, List.of(Fact.interaction(7, item, true, MORNING, user, morning + DAY),
                Fact.interaction(8, item, true, MORNING, user, morning + DAY + 1)));
        assertThat(stats.statsOf(item).viewCount()).isEqualTo(2);

        // A revoked partition's pairs are dropped: its next owner counts it.
        assertThat(after.knownVisitorPairs(topic, 0)).isEqualTo(1);
        after.partitionsRevoked(topic, List.of(0));
        assertThat(after.knownVisitorPairs(topic, 0)).isZero();
    }

    @Test
    void aDeadLetterReplayedOnALaterDayDoesNotCountAgain() {
        String user = UUID.randomUUID().toString();
        String item = fresh("replayed");
        Events.interaction(user, item, InteractionEvent.VIEW, MORNING, MORNING);
        // The next day the tracker's dead letters are sent back to the topic for the relay.
        Instant nextDay = MORNING.plus(Duration.ofDays(1));
        Events.replayedDeadLetter(user, item, InteractionEvent.VIEW, MORNING, nextDay);
        sentinel(user);
        assertThat(stats.statsOf(item).viewCount()).isEqualTo(1);

        // A view of that visitor's own on that later day still counts.
        Events.interaction(user, item, InteractionEvent.VIEW, nextDay, nextDay.plusSeconds(1));
        sentinel(user);
        assertThat(stats.statsOf(item).viewCount()).isEqualTo(2);
    }
}
