package io.marquee.user.history.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * An item the user rated, with the newest rating.
 *
 * @param eventId the event that set it; breaks ties between two ratings with the same time, so the
 *                outcome does not depend on which arrives first
 */
public record RatedItem(String itemId, double rating, Instant at, @JsonIgnore String eventId) {
}
