package io.marquee.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.RatingEvent;
import io.marquee.common.events.Topics;
import io.marquee.devstack.data.Interaction;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a dataset's historical interactions as the facts the services consume: every event on
 * {@code interactions}, and every rating also as a {@link RatingEvent} on {@code ratings} (with the
 * previous rating of the same user and item, so aggregates add up exactly). Until the clickstream API
 * exists, this is how charts and histories get their history.
 *
 * <p>Event ids are derived from the dataset's name and the event's position, and each user's rating
 * changes are numbered 1, 2, 3… in publish order (the {@code sequence} rating-service gives them).
 * Publishing the same dataset again (a start interrupted before its load marker was written) first
 * reads the ids already on each topic and sends only the events that are not there: every event
 * reaches the topics once, so no consumer counts a view twice (the catalog deduplicates rating
 * changes by their numbers, but interactions only by offset).
 */
public final class EventPublisher {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final byte[] HISTORY = "true".getBytes(StandardCharsets.UTF_8);

    /** How many sends between two looks at the pace. */
    private static final int PACE_EVERY = 500;

    private final String bootstrapServers;
    private final PrintStream out;
    private final double eventsPerSecond;

    public EventPublisher(String bootstrapServers, PrintStream out) {
        this(bootstrapServers, out, 0);
    }

    /** @param eventsPerSecond the most records sent a second (both topics counted); 0 for no limit */
    public EventPublisher(String bootstrapServers, PrintStream out, double eventsPerSecond) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
        this.eventsPerSecond = eventsPerSecond;
    }

    /** The result of one publish: how many events went to each topic. */
    public record Published(int interactions, int ratings) {
    }

    /**
     * Sends every interaction (sorted by time, as datasets are) and waits until the broker has
     * acknowledged all of them.
     *
     * @param datasetName names the dataset in the event ids, e.g. {@code demo:seed=1}
     */
    public Published publish(String datasetName, List<Interaction> interactions) throws Exception {
        Set<String> sentInteractions = idsOn(Topics.INTERACTIONS);
        Set<String> sentRatings = idsOn(Topics.RATINGS);
        Map<String, Double> lastRating = new HashMap<>();
        Map<String, Long> changes = new HashMap<>();
        int sent = 0;
        int ratings = 0;
        Future<RecordMetadata> last = null;
        Pace pace = Pace.of(eventsPerSecond);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            for (int i = 0; i < interactions.size(); i++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("publishing stopped after " + i + " of " + interactions.size() + " events");
                }
                if (i % PACE_EVERY == 0) {
                    pace.after(sent + ratings);
                }
                Interaction x = interactions.get(i);
                Instant at = Instant.ofEpochSecond(x.timestamp());
                String sessionId = x.sessionId() != null ? x.sessionId() : "history-" + x.userId();
                InteractionEvent event = InteractionEvent.of(eventId(datasetName, "i", i), x.userId(), sessionId,
                        x.itemId(), x.eventType(), x.eventValue(), at);
                if (!sentInteractions.contains(event.eventId())) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INTERACTIONS, x.userId(),
                            JSON.writeValueAsString(event));
                    // History reaches Personalize by the dataset import: the relay to its tracker skips it.
                    record.headers().add(Topics.HISTORY_HEADER, HISTORY);
                    last = producer.send(record);
                    sent++;
                }
                if (x.isRating() && x.eventValue() != null) {
                    // Numbers and previous values count every change, sent now or before.
                    Double previous = lastRating.put(x.userId() + '\u0000' + x.itemId(), x.eventValue());
                    RatingEvent rating = new RatingEvent(eventId(datasetName, "r", i), x.userId(), x.itemId(),
                            x.eventValue(), previous, false, at).withSequence(changes.merge(x.userId(), 1L, Long::sum));
                    if (!sentRatings.contains(rating.eventId())) {
                        last = producer.send(new ProducerRecord<>(Topics.RATINGS, x.userId(),
                                JSON.writeValueAsString(rating)));
                        ratings++;
                    }
                }
            }
            producer.flush();
            if (last != null) {
                last.get(); // surfaces a send failure instead of reporting success
            }
        }
        if (!sentInteractions.isEmpty() || !sentRatings.isEmpty()) {
            out.printf("[devstack] %d interactions and %d ratings were on Kafka already (an interrupted start); "
                    + "not sent again%n", sentInteractions.size(), sentRatings.size());
        }
        out.printf("[devstack] published %d interactions and %d ratings to Kafka%n", sent, ratings);
        return new Published(sent, ratings);
    }

    /** The event ids already on {@code topic}: empty, and quick, on a first start's empty topic. */
    private Set<String> idsOn(String topic) throws Exception {
        Set<String> ids = new HashSet<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(30)) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read back what " + topic + " holds within 5 minutes");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode id = record.value() == null ? null : JSON.readTree(record.value()).get("eventId");
                    if (id != null && id.isTextual()) {
                        ids.add(id.asText());
                    }
                }
            }
        }
        return ids;
    }

    static String eventId(String datasetName, String kind, int index) {
        return UUID.nameUUIDFromBytes((datasetName + '/' + kind + '/' + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        return p;
    }
}
