package io.marquee.ingest.kafka;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.InteractionEventJson;
import java.io.IOException;
import java.time.Instant;

/**
 * Kafka record values as JSON, the way every Marquee producer writes them (instants as ISO-8601
 * strings). Reading is lenient about unknown fields: a newer producer may add some.
 */
public final class EventJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            // Registered after JavaTimeModule, so it takes precedence for Instant.
            .registerModule(new SimpleModule("fast-instants").addDeserializer(Instant.class, new FastInstants()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /**
     * {@code interactions} events by the rule every consumer of the topic follows (common's
     * InteractionEventJson), on this mapper rather than the common one for its fast instants: the
     * relay reads every record of the topic, and the values read are the same.
     */
    private static final ObjectReader INTERACTIONS = InteractionEventJson.reader(JSON);

    private EventJson() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event records always serialize", e);
        }
    }

    /**
     * Instants in the usual shape through {@link IsoInstants}; anything else (numbers, other
     * shapes, errors) exactly as JavaTimeModule reads it. Every record the sessions topology and
     * the relay read carries one.
     */
    private static final class FastInstants extends StdDeserializer<Instant> {
        FastInstants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant fast = IsoInstants.fastOrNull(parser.getText());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }

    /** The interaction event, or null when the record is not one (counted and dead-lettered by the relay). */
    public static InteractionEvent readInteraction(String json) {
        if (json == null) {
            return null;
        }
        try {
            return INTERACTIONS.readValue(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The value, or null when the record is not readable as {@code type} (counted and skipped by callers). */
    public static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
