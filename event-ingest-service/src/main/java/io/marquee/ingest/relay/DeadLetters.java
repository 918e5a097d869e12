package io.marquee.ingest.relay;

import io.marquee.common.events.Topics;
import io.marquee.ingest.kafka.EventJson;
import io.marquee.common.kafka.KafkaClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes to {@code interactions-dlq} and waits for the acknowledgement, because the relay commits
 * the source offsets right after: an event is either at the tracker or here, never nowhere.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, String> producer;
    private final Counter deadLettered;

    public DeadLetters(KafkaClients kafka, MeterRegistry metrics) {
        Properties props = kafka.asProperties();
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "event-ingest-dlq");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
        this.deadLettered = Counter.builder("marquee.ingest.dlq.events")
                .description("Events written to interactions-dlq").register(metrics);
    }

    /** A keyed dead letter. */
    public record Keyed(String key, DeadLetter letter) {
    }

    /**
     * Writes them all and waits for every acknowledgement.
     *
     * @throws IllegalStateException when the broker did not acknowledge them (the relay retries the batch)
     */
    public void write(List<Keyed> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (Keyed letter : letters) {
            acks.add(producer.send(new ProducerRecord<>(Topics.INTERACTIONS_DLQ, letter.key(), EventJson.write(letter.letter()))));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("interactions-dlq did not acknowledge: " + e, e);
        }
        deadLettered.increment(letters.size());
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
