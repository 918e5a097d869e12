package io.marquee.ingest.ingest.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * One event as a client sends it. Checked by {@link io.marquee.ingest.ingest.service.EventRules},
 * not by annotations: every problem of every event of a batch is reported at once, with its index.
 *
 * <p>There is no user field: the user is the token's subject. A {@code userId} in the body is
 * ignored (not refused, so clients written against Personalize's own PutEvents shape still work),
 * and can never make an event count for somebody else.
 *
 * @param eventId          client-made id, stable across the client's retries (deduplication)
 * @param sessionId        the client's session
 * @param eventType        {@code view}, {@code click}, {@code watch}, {@code rate}, ...
 * @param itemId           the item the event is about
 * @param sentAt           when it happened on the client, ISO-8601 ({@code 2026-12-06T08:00:00Z})
 * @param eventValue       optional number (the rating of a {@code rate})
 * @param recommendationId optional id of the recommendation list that led here
 * @param impression       optional ids of the items shown
 * @param page             optional page the event came from (sessions' entry and exit pages)
 * @param device           optional device class ({@code web}, {@code ios}, ...)
 * @param properties       optional string properties, passed to the tracker
 */
@JsonIgnoreProperties(value = "userId")
public record ClientEvent(
        String eventId,
        String sessionId,
        String eventType,
        String itemId,
        String sentAt,
        Double eventValue,
        String recommendationId,
        List<String> impression,
        String page,
        String device,
        Map<String, String> properties) {
}
