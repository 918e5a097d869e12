package io.marquee.ingest.ingest.rest;

/** The answer to an accepted batch: every one of its events is durably in Kafka. */
public record Accepted(int accepted) {
}
