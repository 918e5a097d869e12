package io.marquee.devstack.data;

import java.util.Objects;

/**
 * One user-item event as Personalize's interactions dataset sees it. {@code timestamp} is epoch
 * seconds; {@code eventValue} is the rating for "rate" events and null for "view" events.
 * {@code sessionId} may be null when the source has no sessions (a Personalize CSV read back).
 */
public record Interaction(String userId, String itemId, long timestamp, String eventType, Double eventValue,
                          String sessionId) {

    public static final String VIEW = "view";
    public static final String RATE = "rate";

    public Interaction {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(eventType, "eventType");
    }

    public boolean isRating() {
        return RATE.equals(eventType);
    }
}
