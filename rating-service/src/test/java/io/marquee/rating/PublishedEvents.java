package io.marquee.rating;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.RatingEvent;
import io.marquee.common.events.Topics;
import io.marquee.common.tracing.TraceParent;
import java.nio.charset.StandardCharsets;
import io.marquee.testsupport.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what rating-service published, with a plain consumer from the start of a topic, as a
 * downstream consumer would: deduplicated by {@code eventId}, in partition order (one user's
 * events are in one partition, so per user this is publication order).
 */
public final class PublishedEvents {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private PublishedEvents() {
    }

    /** The {@code ratings} events about {@code itemId}, once {@code done} holds for them (waits up to a minute). */
    public static List<RatingEvent> ratings(String itemId, Predicate<List<RatingEvent>> done) {
        return read(Topics.RATINGS, RatingEvent.class, e -> itemId.equals(e.itemId()), RatingEvent::eventId, done);
    }

    /**
     * Every {@code ratings} record of {@code userId} in publication order, copies included (a row
     * published twice shows twice), once {@code done} holds for them.
     */
    public static List<RatingEvent> ratingRecordsOf(String userId, Predicate<List<RatingEvent>> done) {
        return read(Topics.RATINGS, RatingEvent.class, e -> userId.equals(e.userId()), null, done);
    }

    /** The {@code interactions} events about {@code itemId}, once {@code done} holds for them. */
    public static List<InteractionEvent> interactions(String itemId, Predicate<List<InteractionEvent>> done) {
        return read(Topics.INTERACTIONS, InteractionEvent.class, e -> itemId.equals(e.itemId()),
                InteractionEvent::eventId, done);
    }

    /** @param id the event's id to deduplicate by, or null to keep every record */
    private static <T> List<T> read(String topic, Class<T> type, Predicate<T> wanted,
                                    java.util.function.Function<T, String> id, Predicate<List<T>> done) {
        List<T> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = fromTheBeginning(topic)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    T event = JSON.readValue(record.value(), type);
                    if (wanted.test(event) && (id == null || seen.add(id.apply(event)))) {
                        events.add(event);
                    }
                }
                return done.test(events);
            });
        }
        return events;
    }

    /**
     * The {@code traceparent} header of each record keyed by {@code userId} on {@code topic}, in
     * publication order ("" for a record without one), once there are at least {@code atLeast}.
     */
    public static List<String> traceparentsOf(String topic, String userId, int atLeast) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = fromTheBeginning(topic)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (userId.equals(record.key())) {
                        Header header = record.headers().lastHeader(TraceParent.HEADER);
                        found.add(header == null ? "" : new String(header.value(), StandardCharsets.US_ASCII));
                    }
                }
                return found.size() >= atLeast;
            });
        }
        return found;
    }

    private static KafkaConsumer<String, String> fromTheBeginning(String topic) {
        // The harness reads what rating-service wrote (the service itself may only write).
        Properties props = new Properties();
        props.putAll(TestKafka.harnessProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
