package io.marquee.catalog.stats.events;

import io.marquee.common.events.RatingEvent;

/** {@code ratings} record values; see {@link JsonEventDeserializer}. */
public class RatingEventDeserializer extends JsonEventDeserializer<RatingEvent> {

    public RatingEventDeserializer() {
        super(RatingEvent.class);
    }
}
