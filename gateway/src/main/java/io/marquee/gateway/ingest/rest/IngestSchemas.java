package io.marquee.gateway.ingest.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shapes of the clickstream routes, for the contract only: the gateway relays bodies unparsed. */
final class IngestSchemas {

    private IngestSchemas() {
    }

    @Schema(name = "ClickEvent", description = "One event; Personalize's PutEvents limits apply")
    record ClickEvent(
            @Schema(required = true, description = "Client-made id, the same on every retry (1-128 of A-Z a-z 0-9 . _ : -)")
            String eventId,
            @Schema(required = true, description = "The client's session id (same alphabet)") String sessionId,
            @Schema(required = true, description = "view, click, watch, rate, ...") String eventType,
            @Schema(required = true, description = "The movie id") String itemId,
            @Schema(required = true, description = "When it happened, ISO-8601; at most 10 minutes ahead, 30 days back")
            String sentAt,
            @Schema(description = "A number, e.g. the rating of a rate event") Double eventValue,
            @Schema(description = "The recommendation list that led here (1-40)") String recommendationId,
            @Schema(description = "Ids of the movies shown (1-25)") List<String> impression,
            @Schema(description = "The page it came from (1-256)") String page,
            @Schema(description = "web, ios, android, tv, ...") String device,
            @Schema(description = "String properties, at most 1,024 characters as JSON") Map<String, String> properties) {
    }

    @Schema(name = "EventBatch")
    record EventBatch(@Schema(required = true, description = "1 to 100 events") List<ClickEvent> events) {
    }

    @Schema(name = "EventsAccepted")
    record Accepted(@Schema(description = "Events stored") int accepted) {
    }

    @Schema(name = "Session", description = "A closed session: no event for the inactivity gap (30 minutes)")
    record Session(String sessionId, String start, String end, long durationSeconds, int events,
                   String entryPage, String exitPage, List<String> items, String device) {
    }

    @Schema(name = "SessionList")
    record Sessions(List<Session> items) {
    }

    @Schema(name = "PageCount")
    record PageCount(String page, long sessions) {
    }

    @Schema(name = "ViewToRateFunnel", description = "Sessions with a view, and of those, with a rating after a view")
    record Funnel(long viewed, long rated, double conversion) {
    }

    @Schema(name = "SessionAnalytics", description = "Closed sessions that started from `from` to `to` (UTC days)")
    record Analytics(String from, String to, long sessions,
                     @Schema(description = "day (yyyy-MM-dd) to sessions") Map<String, Long> sessionsPerDay,
                     @Schema(description = "duration bucket to sessions, shortest first") Map<String, Long> durationHistogram,
                     List<PageCount> topEntryPages, List<PageCount> topExitPages, double eventsPerSession,
                     @Schema(description = "Share of sessions shorter than 20 s") double bounceRate,
                     Funnel viewToRate) {
    }
}
