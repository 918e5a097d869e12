package io.marquee.rating.repository;

import io.marquee.rating.config.RatingsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The names of this service's tables and indexes. */
@ApplicationScoped
public class RatingTables {

    /** One row per (userId, itemId): the current rating, with its version. */
    static final String RATINGS_SUFFIX = "ratings";
    /** Rating changes committed but not yet acknowledged by Kafka, per user in commit order. */
    static final String OUTBOX_SUFFIX = "rating-outbox";
    /** Per user, the sequence number of the newest outbox row: it orders one user's changes. */
    static final String HEADS_SUFFIX = "rating-user-heads";
    /** Index of ratings by user, newest change first. */
    static final String BY_USER_INDEX = "by-user-newest";
    /** Sparse index of ratings with review text by item, newest change first. */
    static final String REVIEWS_INDEX = "reviews-by-item-newest";

    private final String ratings;
    private final String outbox;
    private final String heads;

    public RatingTables(RatingsConfig config) {
        this.ratings = config.tablePrefix() + RATINGS_SUFFIX;
        this.outbox = config.tablePrefix() + OUTBOX_SUFFIX;
        this.heads = config.tablePrefix() + HEADS_SUFFIX;
    }

    public String ratings() {
        return ratings;
    }

    public String outbox() {
        return outbox;
    }

    public String heads() {
        return heads;
    }

    public List<String> all() {
        return List.of(ratings, outbox, heads);
    }
}
