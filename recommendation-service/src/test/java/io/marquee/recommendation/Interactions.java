package io.marquee.recommendation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.Topics;
import io.marquee.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes interaction events to the test broker's {@code interactions} topic as the clickstream
 * does (keyed by user, JSON as io.marquee.common.events.InteractionEvent): what user-service builds
 * the history from, and what makes this service drop a caller's kept history. A test that changes a
 * user's history in {@link Neighbours} publishes the matching event, as user-service's history only
 * ever changes by one.
 */
public final class Interactions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private Interactions() {
    }

    /** {@code user} clicked {@code item} at {@code at}; returns once the broker has the event. */
    public static void clicked(String user, String item, Instant at) {
        publish(null, user, click(user, item, at));
    }

    /** The event of {@code user} clicking {@code item} at {@code at}, as JSON. */
    public static String click(String user, String item, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("userId", user);
        event.put("sessionId", "session-" + user);
        event.put("itemId", item);
        event.put("eventType", InteractionEvent.CLICK);
        event.put("sentAt", at.toString());
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Publishes {@code value} under {@code key} to {@code partition} (null: the key's, as producers
     * do); returns once the broker has it.
     */
    public static void publish(Integer partition, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(Topics.INTERACTIONS, partition, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish an interaction event", e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = TestKafka.harnessProperties();
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> producer.close(Duration.ofSeconds(5))));
        }
        return producer;
    }
}
