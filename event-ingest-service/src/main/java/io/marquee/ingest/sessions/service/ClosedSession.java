package io.marquee.ingest.sessions.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A session that ended: no event of its session id for the inactivity gap. The value of the
 * {@code sessions} topic (keyed by {@link #userId}) and of the sessions table.
 *
 * @param sessionId      the client's session id
 * @param userId         the signed-in user the session belongs to, or {@code anonymous:<sessionId>}
 *                       when nobody signed in during it (a visitor who signs in mid-session makes
 *                       the whole session theirs, as Personalize maps a session to its user)
 * @param start          its first event's time
 * @param end            its last event's time
 * @param events         how many events it had
 * @param entryPage      the page of its first event (null when no event named one)
 * @param exitPage       the page of its last event
 * @param items          the items it touched, first seen first, at most {@link SessionAggregate#MAX_ITEMS}
 * @param device         the device of its first event that named one
 * @param viewed         whether it had a view
 * @param ratedAfterView whether it had a rating at or after its first view
 */
public record ClosedSession(String sessionId, String userId, Instant start, Instant end, long events,
                            String entryPage, String exitPage, List<String> items, String device,
                            boolean viewed, boolean ratedAfterView) {

    /** Also in the JSON answers (a record's own method is not, unless named a property). */
    @JsonProperty("durationSeconds")
    public long durationSeconds() {
        return end.getEpochSecond() - start.getEpochSecond();
    }
}
