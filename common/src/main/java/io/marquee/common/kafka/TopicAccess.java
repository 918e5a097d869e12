package io.marquee.common.kafka;

import io.marquee.common.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may write and who may read each topic: the least privilege every service needs, and
 * nothing more. A forged {@code ratings} event can only come from a principal with Write on
 * {@code ratings}, which only rating-service has. Readers consume in a group named after
 * themselves ({@code group.id} = service name) unless {@link #GROUPS} names theirs; a Kafka Streams
 * application ({@link #STREAMS_APPLICATIONS}) also creates and uses its internal topics
 * (repartition, changelogs), whose names start with its application id.
 *
 * <p>The chart's {@code kafka.topics} carries the same table (a helm test holds them equal); its
 * topic Job applies it as ACLs for SCRAM ({@link KafkaTopicSetup}), and the IAM policies beside the
 * chart grant the same for MSK IAM. The test broker applies it too, so every service's tests run
 * with exactly these rights.
 */
public record TopicAccess(String topic, List<String> writers, List<String> readers) {

    public static final String USER_SERVICE = "user-service";
    public static final String CATALOG_SERVICE = "catalog-service";
    public static final String RATING_SERVICE = "rating-service";
    public static final String RECOMMENDATION_SERVICE = "recommendation-service";
    public static final String EVENT_INGEST_SERVICE = "event-ingest-service";

    /** event-ingest-service's relay to the event tracker: its consumer group on {@code interactions}. */
    public static final String INGEST_RELAY_GROUP = "event-ingest-relay";
    /** event-ingest-service's sessions topology: its Kafka Streams application id. */
    public static final String INGEST_SESSIONS_APPLICATION = "event-ingest-sessions";

    public TopicAccess {
        writers = List.copyOf(writers);
        readers = List.copyOf(readers);
    }

    public static final List<TopicAccess> ALL = List.of(
            // recommendation-service drops a caller's kept history on each of their interaction events,
            // and a caller's kept rated titles on each of their rating events.
            new TopicAccess(Topics.INTERACTIONS, List.of(RATING_SERVICE, EVENT_INGEST_SERVICE),
                    List.of(USER_SERVICE, CATALOG_SERVICE, EVENT_INGEST_SERVICE, RECOMMENDATION_SERVICE)),
            new TopicAccess(Topics.RATINGS, List.of(RATING_SERVICE), List.of(CATALOG_SERVICE, RECOMMENDATION_SERVICE)),
            new TopicAccess(Topics.INTERACTIONS_DLQ, List.of(EVENT_INGEST_SERVICE), List.of(EVENT_INGEST_SERVICE)),
            // The sessions topology writes closed sessions and reads them back into the table.
            new TopicAccess(Topics.SESSIONS, List.of(EVENT_INGEST_SERVICE), List.of(EVENT_INGEST_SERVICE)));

    /**
     * The consumer groups of the services that use groups other than their own name:
     * event-ingest-service's relay, its DLQ replay and its sessions topology; none for
     * recommendation-service, whose every replica assigns itself all partitions of {@code ratings} and
     * {@code interactions}.
     */
    public static final Map<String, List<String>> GROUPS = Map.of(
            EVENT_INGEST_SERVICE, List.of(INGEST_RELAY_GROUP, Topics.DLQ_REPLAY_GROUP, INGEST_SESSIONS_APPLICATION),
            RECOMMENDATION_SERVICE, List.of());

    /** Kafka Streams application ids by service: a group of their own and the prefix of their internal topics. */
    public static final Map<String, String> STREAMS_APPLICATIONS = Map.of(
            EVENT_INGEST_SERVICE, INGEST_SESSIONS_APPLICATION);

    /** The consumer groups {@code service} reads in. */
    public static List<String> groupsOf(String service) {
        return GROUPS.getOrDefault(service, List.of(service));
    }

    /** The prefix of the internal topics of {@code service}'s Kafka Streams application, if it has one. */
    public static Optional<String> internalTopicPrefix(String service) {
        return Optional.ofNullable(STREAMS_APPLICATIONS.get(service)).map(id -> id + "-");
    }

    /** Every service named in {@link #ALL}. */
    public static Set<String> services() {
        Set<String> names = new TreeSet<>();
        ALL.forEach(a -> {
            names.addAll(a.writers());
            names.addAll(a.readers());
        });
        return names;
    }
}
