package io.marquee.catalog.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.marquee.common.events.AnonymousUsers;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.RatingEvent;
import io.marquee.common.events.Topics;
import io.marquee.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events as the producers of the platform do: JSON values keyed by user id. */
public final class Events {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KafkaProducer<String, String> producer;
    /** Each user's last change number handed out by {@link #rating}, as rating-service counts them. */
    private static final Map<String, AtomicLong> CHANGES = new ConcurrentHashMap<>();

    private Events() {
    }

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = TestKafka.harnessProperties();
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** The brokers and the test harness's credentials (the topics' writers are other services). */
    public static Map<String, Object> clientProperties() {
        return TestKafka.harnessProperties();
    }

    public static void interaction(String userId, String itemId, String type, Instant at) {
        send(Topics.INTERACTIONS, userId, InteractionEvent.of(UUID.randomUUID().toString(), userId, "s-" + userId,
                itemId, type, null, at));
    }

    /**
     * An interaction of {@code visitor} (a user id, or {@code anonymous:<session>} as event-ingest-service
     * names signed-out visitors) that happened at {@code at} and reached Kafka at {@code received}:
     * the record's timestamp, which the producer sets.
     */
    public static void interaction(String visitor, String itemId, String type, Instant at, Instant received) {
        interaction(visitor, itemId, type, at, received, false);
    }

    /** The same, sent back from the dead-letter topic by {@code ./marquee replay-dlq} (its header marks it). */
    public static void replayedDeadLetter(String visitor, String itemId, String type, Instant at, Instant received) {
        interaction(visitor, itemId, type, at, received, true);
    }

    private static void interaction(String visitor, String itemId, String type, Instant at, Instant received,
                                    boolean replayed) {
        String session = AnonymousUsers.is(visitor) ? visitor.substring(AnonymousUsers.PREFIX.length()) : "s-" + visitor;
        InteractionEvent event = InteractionEvent.of(UUID.randomUUID().toString(), visitor, session, itemId, type,
                null, at);
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INTERACTIONS, null,
                    received.toEpochMilli(), visitor, JSON.writeValueAsString(event));
            if (replayed) {
                record.headers().add(Topics.DLQ_REPLAY_HEADER, "test".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A rating change of {@code userId}, numbered after that user's earlier ones in this test run. */
    public static void rating(String userId, String itemId, Double rating, Double previous) {
        send(Topics.RATINGS, userId, numbered(userId, itemId, rating, previous,
                CHANGES.computeIfAbsent(userId, u -> new AtomicLong()).incrementAndGet()));
    }

    /** Without its user's change number: what the catalog refuses to count. */
    public static void unnumberedRating(String userId, String itemId, Double rating, Double previous) {
        send(Topics.RATINGS, userId, new RatingEvent(UUID.randomUUID().toString(), userId, itemId, rating, previous,
                false, Instant.now()));
    }

    /** A rating change numbered as rating-service numbers them: the user's change number {@code sequence}. */
    public static RatingEvent numbered(String userId, String itemId, Double rating, Double previous, long sequence) {
        return new RatingEvent(UUID.randomUUID().toString(), userId, itemId, rating, previous, false, Instant.now())
                .withSequence(sequence);
    }

    /** Publishes {@code event} (again, if it was before: a new record, a new offset). */
    public static void publish(RatingEvent event) {
        send(Topics.RATINGS, event.userId(), event);
    }

    /**
     * Everything ever published on {@code topic}, read with a consumer of no group and handed to
     * {@code to} poll by poll, as Kafka hands it to a consumer after a rebalance or a restart.
     */
    public static <V> void redeliver(String topic, Deserializer<V> values, Consumer<ConsumerRecords<String, V>> to) {
        Map<String, Object> props = clientProperties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, V> reader = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            int delivered = 0;
            while (partitions.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
                ConsumerRecords<String, V> records = reader.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    to.accept(records);
                    delivered += records.count();
                }
            }
            if (delivered == 0) {
                throw new AssertionError("nothing to redeliver on " + topic);
            }
        }
    }

    public static void raw(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    static void send(String topic, String key, Object event) {
        try {
            raw(topic, key, JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
