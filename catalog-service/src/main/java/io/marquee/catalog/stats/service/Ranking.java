package io.marquee.catalog.stats.service;

/** An order of catalog items that the stats table keeps ranked, best first: one per chart. */
public enum Ranking {
    /** By view count. */
    VIEWS,
    /** By the damped average rating ({@link Scores#topRated}) as last written. */
    TOP_RATED,
    /** By the rise of interactions ({@link Scores#trending}) as last written. */
    TRENDING
}
