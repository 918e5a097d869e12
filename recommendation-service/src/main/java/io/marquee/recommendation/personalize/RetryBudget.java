package io.marquee.recommendation.personalize;

/**
 * How many throttled calls may be retried (ADR 0029): every call earns {@code ratio} of a retry,
 * every retry spends one, and at most {@code max} are saved up. A short burst of throttling is
 * retried; sustained throttling, the engine telling us it is full, is not, so retries never add
 * more than {@code ratio} to the load of an engine that is already refusing work.
 */
final class RetryBudget {

    private final double ratio;
    private final double max;
    private double tokens;

    /**
     * @param ratio retries allowed per call over time, e.g. 0.1
     * @param max   retries that may be saved up for a burst; the budget starts full
     */
    RetryBudget(double ratio, double max) {
        if (ratio < 0 || max < 0) {
            throw new IllegalArgumentException("a retry budget is not negative");
        }
        this.ratio = ratio;
        this.max = max;
        this.tokens = max;
    }

    /** A call is made: it earns its share of a retry. */
    synchronized void call() {
        tokens = Math.min(max, tokens + ratio);
    }

    /** Whether a retry may be made now; if so, it is spent. */
    synchronized boolean spend() {
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
