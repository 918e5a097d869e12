package io.marquee.catalog.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkSumsTest {

    private static final long WINDOW = 1_000;

    private static Fact view(String itemId, long at) {
        return Fact.interaction(0, itemId, true, Instant.ofEpochMilli(at));
    }

    private static Entry trend(long window, long current, long previous) {
        return new Entry("i", "t", null, List.of(), 1, List.of(), 7, 0, 0, window, current, previous, 3);
    }

    @Test
    void factsOfOneItemAddUpOnItsStoredCountsAndTheNewestEventTimeNeverMovesBack() {
        Entry stored = new Entry("a", "A", null, List.of(), 1, List.of(), 10, 2, 16, null, 0, 0, 4);
        List<Fact> facts = List.of(view("a", 5_000), Fact.rating(1, "a", 1, 8, "u", 1),
                view("b", 2_000), Fact.rating(2, "b", -1, -6, "v", 3));

        ChunkSums sums = ChunkSums.of(facts, Map.of("a", stored), 4_000L, WINDOW);

        assertThat(sums.changed()).containsOnlyKeys("a", "b");
        Entry a = sums.changed().get("a");
        assertThat(List.of(a.views(), a.ratings(), a.ratingHalves(), a.version())).containsExactly(11L, 3L, 24L, 4L);
        Entry b = sums.changed().get("b");
        assertThat(List.of(b.views(), b.ratings(), b.ratingHalves(), b.version())).containsExactly(1L, -1L, -6L, 0L);
        assertThat(sums.ratingsDelta()).isZero();
        assertThat(sums.halvesDelta()).isEqualTo(2);
        assertThat(sums.newest()).isEqualTo(5_000L);
        assertThat(ChunkSums.of(List.of(view("b", 2_000)), Map.of(), 4_000L, WINDOW).newest()).isEqualTo(4_000L);
        assertThat(ChunkSums.of(List.of(Fact.rating(1, "a", 1, 8, "u", 1)), Map.of(), null, WINDOW).newest()).isNull();
        assertThat(sums.after(new Totals(100, 700, 3_000L))).isEqualTo(new Totals(100, 702, 5_000L));
    }

    @Test
    void anInteractionCountsInTheCurrentOrPreviousWindowAndALaterOneMovesTheWindowsOn() {
        Entry entry = trend(10, 4, 2);
        assertThat(counted(entry, 10)).extracting(Entry::trendWindow, Entry::trendCurrent, Entry::trendPrevious)
                .containsExactly(10L, 5L, 2L);
        assertThat(counted(entry, 9)).extracting(Entry::trendWindow, Entry::trendCurrent, Entry::trendPrevious)
                .containsExactly(10L, 4L, 3L);
        // Older than both windows: counted as a view, no bearing on what trends now.
        Entry old = counted(entry, 8);
        assertThat(old).extracting(Entry::trendWindow, Entry::trendCurrent, Entry::trendPrevious)
                .containsExactly(10L, 4L, 2L);
        assertThat(old.views()).isEqualTo(8);
        // One window on: the current count becomes the previous one.
        assertThat(counted(entry, 11)).extracting(Entry::trendWindow, Entry::trendCurrent, Entry::trendPrevious)
                .containsExactly(11L, 1L, 4L);
        // Further on, or never counted before: both start afresh.
        assertThat(counted(entry, 12)).extracting(Entry::trendWindow, Entry::trendCurrent, Entry::trendPrevious)
                .containsExactly(12L, 1L, 0L);
        assertThat(ChunkSums.withFact(Entry.empty("i"), view("i", 3 * WINDOW), WINDOW))
                .extracting(Entry::trendWindow, Entry::trendCurrent, Entry::trendPrevious).containsExactly(3L, 1L, 0L);
    }

    @Test
    void aRatingChangeLeavesTheTrendAlone() {
        Entry rated = ChunkSums.withFact(trend(10, 4, 2), Fact.rating(0, "i", 1, 9, "u", 1), WINDOW);
        assertThat(rated).extracting(Entry::trendWindow, Entry::trendCurrent, Entry::trendPrevious, Entry::ratings)
                .containsExactly(10L, 4L, 2L, 1L);
    }

    private static Entry counted(Entry entry, long window) {
        return ChunkSums.withFact(entry, view("i", window * WINDOW + WINDOW / 2), WINDOW);
    }
}
