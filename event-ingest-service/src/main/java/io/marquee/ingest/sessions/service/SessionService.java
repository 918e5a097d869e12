package io.marquee.ingest.sessions.service;

import io.marquee.common.problem.Problem.FieldError;
import io.marquee.common.problem.ProblemException;
import io.marquee.common.web.QueryNumbers;
import io.marquee.ingest.sessions.repository.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** A user's sessions, and analytics over everyone's. */
@ApplicationScoped
public class SessionService {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** A quarter: each day is one query, so the range is bounded. */
    public static final int MAX_DAYS = 92;
    static final long BOUNCE_SECONDS = 20;
    static final int TOP_PAGES = 10;
    /** Upper bounds (seconds, exclusive) and labels of the duration histogram; the last bucket is open. */
    private static final long[] BUCKET_LIMITS = {20, 60, 300, 900, 1800, 3600};
    private static final String[] BUCKET_LABELS = {"<20s", "20s-1m", "1-5m", "5-15m", "15-30m", "30-60m", ">=60m"};

    private final SessionRepository repository;
    private final Clock clock = Clock.systemUTC();

    public SessionService(SessionRepository repository) {
        this.repository = repository;
    }

    /** @param limit how many, 1 to {@value #MAX_LIMIT}; null for {@value #DEFAULT_LIMIT} */
    public List<ClosedSession> mine(String userId, String limit) {
        Integer size = limit == null ? Integer.valueOf(DEFAULT_LIMIT) : QueryNumbers.inRange(limit, 1, MAX_LIMIT);
        if (size == null) {
            throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return repository.ofUser(userId, size);
    }

    /** @param fromText first day (default: six days before {@code to}); @param toText last day (default: today) */
    public Analytics analytics(String fromText, String toText) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate to = day("to", toText, LocalDate.now(clock.withZone(ZoneOffset.UTC)), errors);
        LocalDate from = day("from", fromText, to == null ? null : to.minusDays(6), errors);
        if (errors.isEmpty() && from.isAfter(to)) {
            errors.add(new FieldError("from", "must not be after to"));
        } else if (errors.isEmpty() && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            errors.add(new FieldError("from", "the range is at most " + MAX_DAYS + " days"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Map<String, Long> perDay = new LinkedHashMap<>();
        List<ClosedSession> sessions = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            List<ClosedSession> ofDay = repository.ofDay(d);
            perDay.put(d.toString(), (long) ofDay.size());
            sessions.addAll(ofDay);
        }
        return summarize(from, to, perDay, sessions);
    }

    static Analytics summarize(LocalDate from, LocalDate to, Map<String, Long> perDay, List<ClosedSession> sessions) {
        Map<String, Long> histogram = new LinkedHashMap<>();
        for (String label : BUCKET_LABELS) {
            histogram.put(label, 0L);
        }
        long events = 0;
        long bounces = 0;
        long viewed = 0;
        long rated = 0;
        for (ClosedSession s : sessions) {
            histogram.merge(BUCKET_LABELS[bucket(s.durationSeconds())], 1L, Long::sum);
            events += s.events();
            bounces += s.durationSeconds() < BOUNCE_SECONDS ? 1 : 0;
            viewed += s.viewed() ? 1 : 0;
            rated += s.ratedAfterView() ? 1 : 0;
        }
        int n = sessions.size();
        return new Analytics(from, to, n, perDay, histogram, top(sessions, ClosedSession::entryPage),
                top(sessions, ClosedSession::exitPage), n == 0 ? 0 : (double) events / n, n == 0 ? 0 : (double) bounces / n,
                new Analytics.Funnel(viewed, rated, viewed == 0 ? 0 : (double) rated / viewed));
    }

    private static int bucket(long seconds) {
        for (int i = 0; i < BUCKET_LIMITS.length; i++) {
            if (seconds < BUCKET_LIMITS[i]) {
                return i;
            }
        }
        return BUCKET_LIMITS.length;
    }

    private static List<Analytics.PageCount> top(List<ClosedSession> sessions, Function<ClosedSession, String> page) {
        Map<String, Long> counts = new HashMap<>();
        sessions.stream().map(page).filter(Objects::nonNull).forEach(p -> counts.merge(p, 1L, Long::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_PAGES).map(e -> new Analytics.PageCount(e.getKey(), e.getValue())).toList();
    }

    private static LocalDate day(String field, String text, LocalDate fallback, List<FieldError> errors) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a day, yyyy-MM-dd"));
            return null;
        }
    }
}
