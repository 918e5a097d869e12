package io.marquee.ingest.sessions.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Session analytics over the days {@code from} to {@code to} (UTC, sessions by their start).
 *
 * @param sessionsPerDay    every day of the range, in order, with its count (0 included)
 * @param durationHistogram bucket label to count, shortest bucket first
 * @param bounceRate        share of sessions shorter than 20 seconds
 * @param viewToRate        sessions with a view, and of those, the ones with a rating after it
 */
public record Analytics(LocalDate from, LocalDate to, long sessions, Map<String, Long> sessionsPerDay,
                        Map<String, Long> durationHistogram, List<PageCount> topEntryPages,
                        List<PageCount> topExitPages, double eventsPerSession, double bounceRate, Funnel viewToRate) {

    /** A page and how many sessions entered or left there. */
    public record PageCount(String page, long sessions) {
    }

    /** The view → rate funnel. */
    public record Funnel(long viewed, long rated, double conversion) {
    }
}
