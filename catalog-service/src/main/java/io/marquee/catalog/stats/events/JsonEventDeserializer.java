package io.marquee.catalog.stats.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * Reads a Kafka record value as JSON into {@code type}. A value that is not valid JSON of that
 * shape becomes null instead of an exception: the consumer then counts and skips it, so one
 * poison record cannot stop the partition (Kafka would redeliver it forever).
 *
 * <p>Unknown fields are accepted: producers may add fields before consumers know them (for
 * {@code interactions} events the rule is common's {@code InteractionEventJson}, which
 * {@link InteractionEventDeserializer} reads with).
 */
public class JsonEventDeserializer<T> implements Deserializer<T> {

    private static final Logger LOG = Logger.getLogger(JsonEventDeserializer.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private final Class<T> type;
    private final ObjectReader reader;

    protected JsonEventDeserializer(Class<T> type) {
        this(type, JSON.readerFor(type));
    }

    /** Reads with {@code reader}, which must read {@code type}. */
    protected JsonEventDeserializer(Class<T> type, ObjectReader reader) {
        this.type = type;
        this.reader = reader;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return reader.readValue(data);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warnf("unreadable %s record on %s skipped: %s", type.getSimpleName(), topic, e.getMessage());
            return null;
        }
    }
}
