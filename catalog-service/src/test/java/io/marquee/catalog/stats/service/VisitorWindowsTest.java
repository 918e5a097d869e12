package io.marquee.catalog.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-partition memory of which visitor had which item counted when: bounded, and never wrong in the unsafe direction. */
class VisitorWindowsTest {

    private static final long UNKNOWN = VisitorWindows.windows(VisitorWindows.NONE, VisitorWindows.NONE);

    @Test
    void aPairRemembersItsLatestWindowsAndNeverMovesThemBack() {
        VisitorWindows windows = new VisitorWindows(1_000);
        VisitorWindows.Partition partition = windows.of("interactions", 0);
        long pair = windows.pair("user-1", "tt-1");

        assertThat(partition.get(pair)).isEqualTo(UNKNOWN);
        partition.remember(pair, 20, 20);
        partition.remember(pair, 19, VisitorWindows.NONE); // a late record of an earlier window
        partition.remember(pair, VisitorWindows.NONE, 21); // a click the next window

        assertThat(VisitorWindows.viewWindow(partition.get(pair))).isEqualTo(20);
        assertThat(VisitorWindows.interactionWindow(partition.get(pair))).isEqualTo(21);
        assertThat(windows.of("interactions", 1).get(pair)).isEqualTo(UNKNOWN);
    }

    @Test
    void visitorsAndItemsAreToldApart() {
        VisitorWindows windows = new VisitorWindows(1_000);
        assertThat(List.of(windows.pair("a", "bc"), windows.pair("ab", "c"), windows.pair("b", "ac"),
                windows.pair("anonymous:s1", "tt-1"), windows.pair("anonymous:s2", "tt-1"),
                windows.pair("anonymous:s1", "tt-2"))).doesNotHaveDuplicates().doesNotContain(0L);
        // Seeded per instance: nobody can work out colliding session ids from the code alone.
        assertThat(new VisitorWindows(1_000).pair("a", "b")).isNotEqualTo(windows.pair("a", "b"));
    }

    @Test
    void memoryIsBoundedByMaxPairsAndTheNewestHalfIsAlwaysKept() {
        int maxPairs = 10_000;
        VisitorWindows windows = new VisitorWindows(maxPairs);
        VisitorWindows.Partition partition = windows.of("interactions", 3);
        long regular = windows.pair("regular", "tt-0");
        for (int i = 0; i < 200_000; i++) {
            partition.remember(windows.pair("visitor-" + i, "tt-" + (i % 7)), 5, 5);
            if (i % 1_000 == 0) {
                partition.remember(regular, 5, 5); // a pair met again and again is carried forward
            }
            assertThat(partition.size()).isLessThanOrEqualTo(maxPairs);
        }

        // Two generations of 5,000 pairs at most three quarters full: 8,192 slots each, at most.
        assertThat(partition.slots()).isLessThanOrEqualTo(2 * 8_192);
        for (int i = 200_000 - maxPairs / 2; i < 200_000; i++) {
            assertThat(partition.get(windows.pair("visitor-" + i, "tt-" + (i % 7)))).isNotEqualTo(UNKNOWN);
        }
        assertThat(VisitorWindows.viewWindow(partition.get(regular))).isEqualTo(5);
        // What was forgotten counts again: the window fails open, never shut.
        assertThat(partition.get(windows.pair("visitor-0", "tt-0"))).isEqualTo(UNKNOWN);
    }

    @Test
    void aRevokedPartitionIsForgotten() {
        VisitorWindows windows = new VisitorWindows(1_000);
        windows.of("interactions", 2).remember(windows.pair("u", "i"), 1, 1);
        assertThat(windows.known("interactions", 2)).isEqualTo(1);

        windows.forget("interactions", List.of(2));

        assertThat(windows.known("interactions", 2)).isZero();
        assertThat(windows.of("interactions", 2).get(windows.pair("u", "i"))).isEqualTo(UNKNOWN);
    }
}
