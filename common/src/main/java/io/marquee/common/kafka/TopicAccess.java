package io.marquee.common.kafka;

import io.marquee.common.events.Topics;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may write and who may read each topic: the least privilege every service needs, and
 * nothing more. A forged {@code ratings} event can only come from a principal with Write on
 * {@code ratings}, which only rating-service has. Readers consume in a group named after
 * themselves ({@code group.id} = service name).
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
    public static final String EVENT_INGEST_SERVICE = "event-ingest-service";

    public TopicAccess {
        writers = List.copyOf(writers);
        readers = List.copyOf(readers);
    }

    public static final List<TopicAccess> ALL = List.of(
            new TopicAccess(Topics.INTERACTIONS, List.of(RATING_SERVICE, EVENT_INGEST_SERVICE),
                    List.of(USER_SERVICE, CATALOG_SERVICE, EVENT_INGEST_SERVICE)),
            new TopicAccess(Topics.RATINGS, List.of(RATING_SERVICE), List.of(CATALOG_SERVICE)),
            new TopicAccess(Topics.INTERACTIONS_DLQ, List.of(EVENT_INGEST_SERVICE), List.of(EVENT_INGEST_SERVICE)),
            new TopicAccess(Topics.SESSIONS, List.of(EVENT_INGEST_SERVICE), List.of()));

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
