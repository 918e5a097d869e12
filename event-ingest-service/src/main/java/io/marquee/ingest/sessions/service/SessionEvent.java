package io.marquee.ingest.sessions.service;

import java.time.Instant;

/**
 * The part of an {@code interactions} event that sessions use. The topology reads each record
 * into this (Jackson skips the rest: impressions, properties, recommendation id) and repartitions
 * it by session id in this shape, so the repartition topic carries a few fields, not the whole event.
 *
 * @param sessionId the client session
 * @param userId    the user, or {@code anonymous:<sessionId>}
 * @param itemId    the item
 * @param eventType {@code view}, {@code rate}, ...
 * @param sentAt    event time
 * @param device    optional device class
 * @param page      optional page
 */
public record SessionEvent(String sessionId, String userId, String itemId, String eventType, Instant sentAt,
                           String device, String page) {
}
