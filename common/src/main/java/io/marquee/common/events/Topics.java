package io.marquee.common.events;

import java.util.List;

/** Kafka topics: facts that already happened, keyed by user id unless said otherwise. */
public final class Topics {

    /** Every user-item event (view, click, watch, rate, ...). */
    public static final String INTERACTIONS = "interactions";
    /** Rating changes with the previous value, so aggregates can be adjusted exactly. */
    public static final String RATINGS = "ratings";
    /** Events the tracker refused after retries, with the error; replayable. */
    public static final String INTERACTIONS_DLQ = "interactions-dlq";
    /** Closed sessions. */
    public static final String SESSIONS = "sessions";

    /**
     * Record header marking an {@link #INTERACTIONS} record as history published in bulk (the
     * devstack's demo data, an import), not a live event: the relay to Personalize's event tracker
     * skips it, because history reaches Personalize through a dataset import.
     */
    public static final String HISTORY_HEADER = "marquee-history";

    /**
     * Record header marking an {@link #INTERACTIONS} record put back from {@link #INTERACTIONS_DLQ}
     * by a replay: the relay may send a dead-lettered event id again only then.
     */
    public static final String DLQ_REPLAY_HEADER = "marquee-dlq-replay";

    /**
     * Consumer group whose committed offsets on {@link #INTERACTIONS_DLQ} mark what was replayed,
     * shared by every replay tool so none moves an event twice.
     */
    public static final String DLQ_REPLAY_GROUP = "event-ingest-dlq-replay";

    /** A topic with its partition count, as the devstack creates it. */
    public record Spec(String name, int partitions) {
    }

    /** Partition counts: enough for the consumers a service runs locally, explicit rather than broker defaults. */
    public static final List<Spec> ALL = List.of(
            new Spec(INTERACTIONS, 6),
            new Spec(RATINGS, 3),
            new Spec(INTERACTIONS_DLQ, 3),
            new Spec(SESSIONS, 3));

    private Topics() {
    }
}
