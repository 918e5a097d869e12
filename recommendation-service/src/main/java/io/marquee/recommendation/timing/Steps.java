package io.marquee.recommendation.timing;

/**
 * The timer every step of an answer records (Micrometer {@code @Timed}, tagged with the class and
 * method of the step): the Personalize runtime call, the caller's rated titles, catalog data. With
 * the HTTP server's own timer, it says where an answer's time went (docs/benchmarks.md, issue 10).
 * Percentiles are computed in this replica, for reading one replica under a benchmark.
 */
public final class Steps {

    /** {@code marquee_recommendation_step_seconds} on /q/metrics. */
    public static final String TIMER = "marquee.recommendation.step";

    private Steps() {
    }
}
