package io.marquee.ingest.ingest.events;

import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.Topics;
import io.marquee.common.tracing.TraceParent;
import io.marquee.ingest.config.AcceptConfig;
import io.marquee.ingest.kafka.EventJson;
import io.marquee.common.kafka.KafkaClients;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes accepted events to {@code interactions}, keyed by user (so one user's events stay in
 * order on one partition), and returns only once the broker acknowledged every one of them:
 * {@code acks=all} and idempotence, so an acknowledged event survives a broker failover and a
 * retried send is neither duplicated nor reordered.
 */
@ApplicationScoped
public class InteractionsProducer {

    private final KafkaProducer<String, String> producer;
    private final Duration sendTimeout;

    public InteractionsProducer(AcceptConfig config, KafkaClients kafka) {
        this.sendTimeout = config.sendTimeout();
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, sendTimeout.toMillis());
        Properties props = kafka.asProperties();
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "event-ingest-service");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Batches of a hundred events from many requests share broker round trips.
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        // A send gives up within the request's wait, so a 503 never hides a write that succeeds later
        // (it can still succeed in the last instant; the event id makes the client's retry harmless).
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMillis);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMillis / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMillis, Math.max(1000, timeoutMillis / 2) + 2));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    /**
     * Sends every event, with the caller's trace context, and waits for all acknowledgements.
     *
     * @throws BrokerUnavailableException when any event was not acknowledged in time
     */
    public void publishAll(List<InteractionEvent> events) {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        // One request, one trace: its header is made once and shared by the batch's records.
        Header traceparent = TraceParent.currentHeader().orElse(null);
        try {
            for (InteractionEvent event : events) {
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(Topics.INTERACTIONS, event.userId(), EventJson.write(event));
                if (traceparent != null) {
                    record.headers().add(traceparent);
                }
                acks.add(producer.send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(e);
        } catch (ExecutionException e) {
            throw new BrokerUnavailableException(e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new BrokerUnavailableException(e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
