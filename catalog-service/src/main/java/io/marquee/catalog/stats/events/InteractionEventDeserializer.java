package io.marquee.catalog.stats.events;

import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.InteractionEventJson;

/** {@code interactions} record values, read by the consumers' common rule; see {@link JsonEventDeserializer}. */
public class InteractionEventDeserializer extends JsonEventDeserializer<InteractionEvent> {

    public InteractionEventDeserializer() {
        super(InteractionEvent.class, InteractionEventJson.reader());
    }
}
