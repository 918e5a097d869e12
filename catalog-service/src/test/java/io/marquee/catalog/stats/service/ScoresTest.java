package io.marquee.catalog.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private static Entry rated(long count, double average) {
        return new Entry("i", "t", null, List.of(), 1, List.of(), 0, count, Math.round(count * average * 2),
                null, 0, 0, 1);
    }

    private static Entry trend(long window, long current, long previous) {
        return new Entry("i", "t", null, List.of(), 1, List.of(), 0, 0, 0, window, current, previous, 1);
    }

    @Test
    void oneFiveStarRatingStaysNearTheMeanWhileManyRatingsCount() {
        double mean = 3.5;
        double single = Scores.topRated(rated(1, 5.0), mean, 10);
        double many = Scores.topRated(rated(200, 4.5), mean, 10);
        assertThat(single).isCloseTo((10 * 3.5 + 5) / 11, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(many).isGreaterThan(single);
        assertThat(Scores.topRated(rated(0, 0), mean, 10)).isNull();
    }

    @Test
    void risingBeatsSteadyAndFallingDoesNotTrend() {
        long newest = 10 * DAY + DAY / 2; // halfway through window 10
        double rising = Scores.trending(trend(10, 12, 1), newest, DAY);
        double steady = Scores.trending(trend(10, 12, 12), newest, DAY);
        assertThat(rising).isGreaterThan(steady).isPositive();
        assertThat(Scores.trending(trend(10, 2, 20), newest, DAY)).isZero();
        // Nothing in the current window: last window's activity is the baseline, not a rise.
        assertThat(Scores.trending(trend(9, 30, 0), newest, DAY)).isZero();
        assertThat(Scores.trending(trend(5, 30, 0), newest, DAY)).isZero();
        assertThat(Scores.trending(trend(10, 5, 0), null, DAY)).isZero();
    }
}
