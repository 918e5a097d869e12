package io.marquee.devstack.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.RatingEvent;
import io.marquee.common.events.Topics;
import io.marquee.devstack.data.Interaction;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a dataset's historical interactions as the facts the services consume: every event on
 * {@code interactions}, and every rating also as a {@link RatingEvent} on {@code ratings} (with the
 * previous rating of the same user and item, so aggregates add up exactly). Until the clickstream API
 * exists, this is how charts and histories get their history.
 *
 * <p>Event ids are derived from the dataset's name and the event's position, and each user's rating
 * changes are numbered 1, 2, 3… in publish order (the {@code sequence} rating-service gives them), so
 * publishing the same dataset again (a start interrupted before its load marker was written)
 * produces identical events and consumers deduplicate them.
 */
public final class EventPublisher {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final byte[] HISTORY = "true".getBytes(StandardCharsets.UTF_8);

    private final String bootstrapServers;
    private final PrintStream out;

    public EventPublisher(String bootstrapServers, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
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
        Map<String, Double> lastRating = new HashMap<>();
        Map<String, Long> changes = new HashMap<>();
        int ratings = 0;
        Future<RecordMetadata> last = null;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            for (int i = 0; i < interactions.size(); i++) {
                Interaction x = interactions.get(i);
                Instant at = Instant.ofEpochSecond(x.timestamp());
                String sessionId = x.sessionId() != null ? x.sessionId() : "history-" + x.userId();
                InteractionEvent event = InteractionEvent.of(eventId(datasetName, "i", i), x.userId(), sessionId,
                        x.itemId(), x.eventType(), x.eventValue(), at);
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INTERACTIONS, x.userId(),
                        JSON.writeValueAsString(event));
                // History reaches Personalize by the dataset import: the relay to its tracker skips it.
                record.headers().add(Topics.HISTORY_HEADER, HISTORY);
                last = producer.send(record);
                if (x.isRating() && x.eventValue() != null) {
                    Double previous = lastRating.put(x.userId() + '\u0000' + x.itemId(), x.eventValue());
                    RatingEvent rating = new RatingEvent(eventId(datasetName, "r", i), x.userId(), x.itemId(),
                            x.eventValue(), previous, false, at).withSequence(changes.merge(x.userId(), 1L, Long::sum));
                    last = producer.send(new ProducerRecord<>(Topics.RATINGS, x.userId(), JSON.writeValueAsString(rating)));
                    ratings++;
                }
            }
            producer.flush();
            if (last != null) {
                last.get(); // surfaces a send failure instead of reporting success
            }
        }
        out.printf("[devstack] published %d interactions and %d ratings to Kafka%n", interactions.size(), ratings);
        return new Published(interactions.size(), ratings);
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
