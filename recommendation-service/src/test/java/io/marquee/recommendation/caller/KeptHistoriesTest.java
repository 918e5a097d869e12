package io.marquee.recommendation.caller;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.common.events.InteractionEvent;
import io.marquee.recommendation.config.RecommendationsConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When a caller's history may be kept (pure: the events are handed over as the feed would, the
 * clock is the test's). The rule under test: a kept history never hides an interaction event of
 * the caller that user-service has applied, and a read made before user-service applied it is not
 * kept, whichever order the event, the read and user-service's write come in.
 */
class KeptHistoriesTest {

    private static final Duration APPLY_WITHIN = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private KeptHistories histories;

    @BeforeEach
    void positioned() {
        histories = new KeptHistories(config(1000), clock::get);
        histories.live(true);
        pass(APPLY_WITHIN.plusMillis(1)); // a (re)positioned feed keeps nothing for apply-within
    }

    @Test
    void aReadIsKeptUntilTheCallersNextInteractionEvent() {
        RecentTitles.History read = history(viewed("t01", T0));
        histories.keep(histories.ticket("u1"), read);
        assertThat(histories.kept("u1")).isEqualTo(read);

        histories.changed(view("u1", "t02", T0.plusSeconds(5)));
        assertThat(histories.kept("u1")).isNull();
    }

    @Test
    void aReadThatDoesNotShowTheCallersLatestEventYetIsNotKeptAndOneThatDoesIs() {
        histories.changed(view("u2", "t02", T0.plusSeconds(5)));

        // user-service has not applied the view yet (same topic, its own consumer): not kept.
        histories.keep(histories.ticket("u2"), history(viewed("t01", T0)));
        assertThat(histories.kept("u2")).isNull();
        // Still not, however often it is read like that within apply-within.
        pass(Duration.ofSeconds(10));
        histories.keep(histories.ticket("u2"), history(viewed("t01", T0)));
        assertThat(histories.kept("u2")).isNull();

        // Applied: the item at the event's time (or later: user-service keeps the newest view).
        RecentTitles.History applied = history(viewed("t02", T0.plusSeconds(5)), viewed("t01", T0));
        histories.keep(histories.ticket("u2"), applied);
        assertThat(histories.kept("u2")).isEqualTo(applied);
    }

    @Test
    void aRatingMustShowInTheRatedListAndAnOlderViewOfTheItemDoesNotCount() {
        histories.changed(event("u3", "t05", InteractionEvent.RATE, 4.5, T0.plusSeconds(9)));

        histories.keep(histories.ticket("u3"), history(List.of(viewed("t05", T0.plusSeconds(9))), List.of()));
        assertThat(histories.kept("u3")).as("a view is not the rating").isNull();
        histories.keep(histories.ticket("u3"), history(List.of(), List.of(viewed("t05", T0))));
        assertThat(histories.kept("u3")).as("an older rating of the item").isNull();

        RecentTitles.History applied = history(List.of(), List.of(viewed("t05", T0.plusSeconds(9))));
        histories.keep(histories.ticket("u3"), applied);
        assertThat(histories.kept("u3")).isEqualTo(applied);
    }

    @Test
    void everyEventSinceTheLastKeptReadMustShow() {
        histories.changed(view("u4", "t01", T0));
        histories.changed(view("u4", "t02", T0.plusSeconds(1)));

        histories.keep(histories.ticket("u4"), history(viewed("t01", T0)));
        assertThat(histories.kept("u4")).isNull();
        RecentTitles.History both = history(viewed("t02", T0.plusSeconds(1)), viewed("t01", T0));
        histories.keep(histories.ticket("u4"), both);
        assertThat(histories.kept("u4")).isEqualTo(both);
    }

    @Test
    void aReadInFlightWhenAnEventOfTheCallerArrivesIsNotKeptEvenIfItShowsTheOlderEvents() {
        histories.keep(histories.ticket("u5"), history(viewed("t01", T0)));
        KeptHistories.Ticket ticket = histories.ticket("u5");
        histories.changed(view("u5", "t01", T0)); // a redelivery: the read would show it
        histories.keep(ticket, history(viewed("t01", T0)));
        assertThat(histories.kept("u5")).isNull();
    }

    @Test
    void anEventUserServiceNeverShowsStopsHoldingBackReadsAfterApplyWithin() {
        // E.g. a view older than the 50 newest, or an event user-service refuses.
        histories.changed(view("u6", "t09", T0.minusSeconds(86_400)));
        RecentTitles.History read = history(viewed("t01", T0));
        histories.keep(histories.ticket("u6"), read);
        assertThat(histories.kept("u6")).isNull();

        pass(APPLY_WITHIN);
        histories.keep(histories.ticket("u6"), read);
        assertThat(histories.kept("u6")).isEqualTo(read);
    }

    @Test
    void otherEventTypesAndOtherCallersChangeNothing() {
        RecentTitles.History read = history(viewed("t01", T0));
        histories.keep(histories.ticket("u7"), read);
        histories.changed(event("u7", "t02", "impression", null, T0.plusSeconds(1)));
        histories.changed(view("someone-else", "t02", T0.plusSeconds(1)));
        assertThat(histories.kept("u7")).isEqualTo(read);
    }

    @Test
    void forgettingACallerWithUnshownEventsDoesNotLetAStaleReadBeKept() {
        histories = new KeptHistories(config(1), clock::get);
        histories.live(true);
        pass(APPLY_WITHIN.plusMillis(1));
        histories.changed(view("u8", "t02", T0.plusSeconds(5)));
        // Room for one caller: others' events evict u8's entry and, with it, what u8's reads must show.
        for (int n = 0; n < 50; n++) {
            histories.changed(view("other-" + n, "t03", T0.plusSeconds(5)));
        }

        RecentTitles.History stale = history(viewed("t01", T0));
        histories.keep(histories.ticket("u8"), stale);
        assertThat(histories.kept("u8")).isNull();

        pass(APPLY_WITHIN);
        histories.keep(histories.ticket("u8"), stale);
        assertThat(histories.kept("u8")).isEqualTo(stale);
    }

    @Test
    void whileTheFeedIsNotPositionedAndForApplyWithinAfterNothingIsKept() {
        RecentTitles.History read = history(viewed("t01", T0));
        histories.keep(histories.ticket("u10"), read);
        histories.live(false);
        assertThat(histories.kept("u10")).isNull();
        histories.keep(histories.ticket("u10"), read);
        assertThat(histories.kept("u10")).isNull();

        // Events published while it was away were never seen and may not be applied yet.
        histories.live(true);
        histories.keep(histories.ticket("u10"), read);
        assertThat(histories.kept("u10")).isNull();
        pass(APPLY_WITHIN);
        histories.keep(histories.ticket("u10"), read);
        assertThat(histories.kept("u10")).isEqualTo(read);
    }

    private void pass(Duration time) {
        clock.addAndGet(time.toNanos());
    }

    private static RecommendationsConfig.HistoryCache config(long maxUsers) {
        return new RecommendationsConfig.HistoryCache() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public long maxUsers() {
                return maxUsers;
            }

            @Override
            public Duration ttl() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration applyWithin() {
                return APPLY_WITHIN;
            }
        };
    }

    private static RecentTitles.Entry viewed(String item, Instant at) {
        return new RecentTitles.Entry(item, at);
    }

    private static RecentTitles.History history(RecentTitles.Entry... viewed) {
        return new RecentTitles.History(List.of(viewed), List.of());
    }

    private static RecentTitles.History history(List<RecentTitles.Entry> viewed, List<RecentTitles.Entry> rated) {
        return new RecentTitles.History(viewed, rated);
    }

    private static InteractionEvent view(String user, String item, Instant at) {
        return event(user, item, InteractionEvent.CLICK, null, at);
    }

    private static InteractionEvent event(String user, String item, String type, Double value, Instant at) {
        return InteractionEvent.of(UUID.randomUUID().toString(), user, "s-" + user, item, type, value, at);
    }
}
