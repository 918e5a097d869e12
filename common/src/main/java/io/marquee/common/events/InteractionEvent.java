package io.marquee.common.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One user-item event on the {@link Topics#INTERACTIONS} topic, keyed by {@code userId}.
 * Consumers deduplicate by {@code eventId}; {@code sentAt} is when it happened on the client,
 * not when it was ingested, so charts and models order by it.
 *
 * @param eventId          uuid chosen by the producer, stable across redeliveries
 * @param userId           the user, or an anonymous id for signed-out visitors
 * @param sessionId        the client session
 * @param itemId           the item the event is about
 * @param eventType        {@code view}, {@code click}, {@code watch}, {@code rate}, ...
 * @param eventValue       the rating for {@code rate}, else usually null
 * @param sentAt           event time
 * @param device           optional device class ({@code web}, {@code ios}, ...)
 * @param page             optional page the event came from
 * @param recommendationId optional id of the recommendation list that led here
 * @param impression       optional item ids that were shown alongside
 * @param properties       optional free-form string properties
 */
public record InteractionEvent(
        String eventId,
        String userId,
        String sessionId,
        String itemId,
        String eventType,
        Double eventValue,
        Instant sentAt,
        String device,
        String page,
        String recommendationId,
        List<String> impression,
        Map<String, String> properties) {

    public static final String VIEW = "view";
    public static final String CLICK = "click";
    public static final String WATCH = "watch";
    public static final String RATE = "rate";

    /** The common case: an event with no optional fields. */
    public static InteractionEvent of(String eventId, String userId, String sessionId, String itemId,
            String eventType, Double eventValue, Instant sentAt) {
        return new InteractionEvent(eventId, userId, sessionId, itemId, eventType, eventValue, sentAt,
                null, null, null, null, null);
    }
}
