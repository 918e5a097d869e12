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
    /** Sparse index of labelled reviews by item, by label then newest change first. */
    static final String SENTIMENT_INDEX = "reviews-by-item-sentiment";
    /** Sparse index of labelled reviews by item, by label then most helpful first. */
    static final String HELPFUL_INDEX = "reviews-by-item-helpful";
    /** Sparse index of the reviews the moderation view lists, newest change first. */
    static final String FLAGGED_INDEX = "reviews-flagged-newest";
    /** Per item, how many of its reviews carry each sentiment label. */
    static final String SUMMARIES_SUFFIX = "review-summaries";
    /** One row per (review, voter): who marked which review helpful. */
    static final String VOTES_SUFFIX = "review-votes";
    /** Progress of long jobs, such as the sentiment backfill, so they resume where they stopped. */
    static final String JOBS_SUFFIX = "rating-jobs";

    private final String ratings;
    private final String outbox;
    private final String heads;
    private final String summaries;
    private final String votes;
    private final String jobs;

    public RatingTables(RatingsConfig config) {
        this.ratings = config.tablePrefix() + RATINGS_SUFFIX;
        this.outbox = config.tablePrefix() + OUTBOX_SUFFIX;
        this.heads = config.tablePrefix() + HEADS_SUFFIX;
        this.summaries = config.tablePrefix() + SUMMARIES_SUFFIX;
        this.votes = config.tablePrefix() + VOTES_SUFFIX;
        this.jobs = config.tablePrefix() + JOBS_SUFFIX;
    }

    public String summaries() {
        return summaries;
    }

    public String votes() {
        return votes;
    }

    public String jobs() {
        return jobs;
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
        return List.of(ratings, outbox, heads, summaries, votes, jobs);
    }
}
