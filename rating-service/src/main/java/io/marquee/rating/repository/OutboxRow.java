package io.marquee.rating.repository;

import java.time.Instant;

/**
 * A committed rating change waiting to be published: the JSON of its {@code ratings} event and,
 * unless the change was a delete, of its {@code interactions} event.
 *
 * @param sequence    the user's change number: one user's rows are published in this order
 * @param traceparent the W3C trace context of the request that committed the change, sent with its
 *                    records so the trace goes on past the outbox; null when there was none
 */
public record OutboxRow(String userId, long sequence, String ratingEvent, String interactionEvent,
                        String traceparent, Instant createdAt) {
}
