package io.marquee.common.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * How every consumer of the {@link Topics#INTERACTIONS} topic reads an {@link InteractionEvent}.
 *
 * <p>Lenient on purpose, unlike request bodies (which refuse unknown fields): producers may add
 * fields to the event before every consumer knows them, and an event is a fact that already
 * happened, so a consumer reads what it knows and ignores the rest.
 *
 * <p>A record that is not an event (not JSON, not an object, a field of the wrong type) throws a
 * {@link com.fasterxml.jackson.core.JsonProcessingException}; consumers catch it, count or log the
 * record and skip it, and never retry it: it would fail again, and hold back its partition. A JSON
 * {@code null} reads as null.
 */
public final class InteractionEventJson {

    /** Instants as every Marquee producer writes them (ISO-8601 strings; epoch numbers read too). */
    private static final ObjectReader READER = reader(new ObjectMapper().registerModule(new JavaTimeModule()));

    private InteractionEventJson() {
    }

    /** The lenient reader on a plain mapper: what a consumer uses unless it needs its own mapper. */
    public static ObjectReader reader() {
        return READER;
    }

    /**
     * The lenient reader on {@code mapper}, for a consumer that reads with its own mapper (its
     * instant parsing, its scalar rules); unknown fields are ignored whatever the mapper says.
     */
    public static ObjectReader reader(ObjectMapper mapper) {
        return mapper.readerFor(InteractionEvent.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The event in {@code json}; throws when it is not one (see the class comment). */
    public static InteractionEvent read(String json) throws IOException {
        return READER.readValue(json);
    }

    /** The event in {@code json} (UTF-8); throws when it is not one (see the class comment). */
    public static InteractionEvent read(byte[] json) throws IOException {
        return READER.readValue(json);
    }
}
