package io.marquee.catalog.stats.service;

/**
 * Catalog-wide figures the scores depend on.
 *
 * @param ratings       number of ratings of all items
 * @param ratingHalves  their sum in half stars
 * @param newestEventAt event time (epoch ms) of the newest interaction seen, null before the first
 */
public record Totals(long ratings, long ratingHalves, Long newestEventAt) {

    /** Prior mean before any rating exists: the middle of the 0.5..5 scale. */
    static final double NEUTRAL_MEAN = 2.75;

    /** The global mean rating {@code m} of the damped average. */
    public double meanRating() {
        return ratings <= 0 ? NEUTRAL_MEAN : ratingHalves / 2.0 / ratings;
    }
}
