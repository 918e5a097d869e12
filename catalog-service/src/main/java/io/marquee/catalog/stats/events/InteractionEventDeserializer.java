package io.marquee.catalog.stats.events;

import io.marquee.common.events.InteractionEvent;

/** {@code interactions} record values; see {@link JsonEventDeserializer}. */
public class InteractionEventDeserializer extends JsonEventDeserializer<InteractionEvent> {

    public InteractionEventDeserializer() {
        super(InteractionEvent.class);
    }
}
