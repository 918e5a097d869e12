package io.marquee.user.history.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.marquee.common.events.InteractionEvent;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/**
 * Reads {@link InteractionEvent} JSON. Lenient on purpose, unlike request bodies: producers may add
 * fields before every consumer knows them, and an event is a fact that already happened.
 */
public class InteractionEventDeserializer extends ObjectMapperDeserializer<InteractionEvent> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public InteractionEventDeserializer() {
        super(InteractionEvent.class, JSON);
    }
}
