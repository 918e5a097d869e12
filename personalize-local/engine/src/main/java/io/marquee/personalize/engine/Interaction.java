package io.marquee.personalize.engine;

/**
 * One row of an Interactions dataset, or one PutEvents event.
 *
 * @param userId          the user, or for anonymous PutEvents the session id
 * @param itemId          the item
 * @param timestampMillis event time in epoch milliseconds
 * @param eventType       e.g. {@code view}, {@code rate}; may be empty
 * @param eventValue      the EVENT_VALUE column, {@link Double#NaN} when absent
 */
public record Interaction(String userId, String itemId, long timestampMillis, String eventType, double eventValue) {
}
