package io.marquee.ingest.ingest.rest;

import java.util.List;

/** The body of {@code POST /events}: 1 to 100 events. */
public record EventBatch(List<ClientEvent> events) {
}
