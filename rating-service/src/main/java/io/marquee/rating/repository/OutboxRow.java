package io.marquee.rating.repository;

import java.time.Instant;

/**
 * A committed rating change waiting to be published: the JSON of its {@code ratings} event and,
 * unless the change was a delete, of its {@code interactions} event.
 *
 * @param sequence the user's change number: one user's rows are published in this order
 */
public record OutboxRow(String userId, long sequence, String ratingEvent, String interactionEvent,
                        Instant createdAt) {
}
