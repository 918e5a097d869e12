package io.marquee.catalog.stats.service;

/** The chart scores, in one place so that writing and reading rank alike. */
public final class Scores {

    private Scores() {
    }

    /**
     * Bayesian (damped) average {@code (C*m + sum)/(C + n)}: with few ratings it stays near the
     * global mean {@code m}, with many it approaches the item's own average. Null without ratings.
     */
    public static Double topRated(Entry entry, double mean, int priorWeight) {
        if (entry.ratings() <= 0) {
            return null;
        }
        return (priorWeight * mean + entry.ratingHalves() / 2.0) / (priorWeight + entry.ratings());
    }

    /**
     * How much an item's interactions rise: those of the current window (the one holding the newest
     * event seen) against the previous window's, scaled to the part of the current window that has
     * elapsed, divided by the square root of that expectation so a jump from 2 to 30 beats a
     * steady 500. Zero when not rising.
     */
    public static double trending(Entry entry, Long newestEventAt, long windowMillis) {
        if (entry.trendWindow() == null || newestEventAt == null) {
            return 0;
        }
        long now = Math.floorDiv(newestEventAt, windowMillis);
        double elapsed = (Math.floorMod(newestEventAt, windowMillis) + 1.0) / windowMillis;
        long window = entry.trendWindow();
        long current;
        long previous;
        if (window >= now) {
            current = entry.trendCurrent();
            previous = entry.trendPrevious();
        } else if (window == now - 1) {
            current = 0;
            previous = entry.trendCurrent();
        } else {
            return 0;
        }
        double expected = previous * elapsed;
        double rise = current - expected;
        return rise <= 0 ? 0 : rise / Math.sqrt(expected + 1);
    }
}
