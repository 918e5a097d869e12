package io.marquee.rating.events;

import io.marquee.common.kafka.KafkaClients;
import io.marquee.common.tracing.TraceParent;
import io.marquee.rating.config.RatingsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one Kafka producer of the service: JSON values keyed by user id, {@code acks=all} and
 * idempotence so an acknowledged event is durable and a retried send is not duplicated or
 * reordered. A plain producer rather than a messaging channel, because the outbox needs to know
 * exactly when each record was acknowledged before it deletes the row.
 */
@ApplicationScoped
public class EventProducer {

    private final KafkaProducer<String, String> producer;
    private final Duration sendTimeout;

    /**
     * @param kafka where the brokers are and how to authenticate to them, as for every Kafka client
     *              of the suite ({@code kafka.bootstrap.servers}, {@code marquee.kafka.*})
     */
    public EventProducer(RatingsConfig config, KafkaClients kafka) {
        this.sendTimeout = config.outbox().sendTimeout();
        Map<String, Object> props = kafka.properties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "rating-service");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, sendTimeout.toMillis());
        // A send gives up within the timeout, so an outage leaves rows to the relay instead of blocking threads.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMillis);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMillis / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMillis);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    /**
     * Sends {@code value} to {@code topic} keyed by {@code key}, with the trace context it was
     * committed under (when there was one), and waits for the broker's acknowledgement.
     *
     * @throws PublishException if it was not acknowledged within the send timeout
     */
    public void sendAndAwait(String topic, String key, String value, String traceparent) {
        Future<RecordMetadata> ack;
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            TraceParent.addTo(record.headers(), traceparent);
            ack = producer.send(record);
            ack.get(sendTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(topic, e);
        } catch (ExecutionException e) {
            throw new PublishException(topic, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new PublishException(topic, e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** A record that the broker did not acknowledge. */
    public static class PublishException extends RuntimeException {
        PublishException(String topic, Throwable cause) {
            super("not acknowledged on " + topic + ": " + cause, cause, false, false);
        }
    }
}
