package io.marquee.ingest.kafka;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#parse} with a fast path for the one shape clients and our producers send,
 * {@code 2026-12-06T08:00:00Z} with 0 to 9 fraction digits. {@code Instant.parse} builds a
 * field map and resolves it for every call, and every accepted event's time is parsed on accept,
 * by the sessions topology and by the relay: it was a fifth of the accept path's CPU
 * (docs/benchmarks.md, the clickstream). Anything else (offsets, leap seconds, other lengths, an
 * invalid date) goes to {@code Instant.parse}, which decides, so the two always agree.
 */
public final class IsoInstants {

    private IsoInstants() {
    }

    /**
     * @throws java.time.format.DateTimeParseException as {@link Instant#parse} does
     */
    public static Instant parse(CharSequence text) {
        Instant fast = fastOrNull(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** The instant, when {@code text} has the usual shape and is valid; null for anything else. */
    public static Instant fastOrNull(CharSequence s) {
        int n = s.length();
        // yyyy-MM-ddTHH:mm:ss then Z, or .f{1,9}Z
        if (n < 20 || n == 21 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(s, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = n - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException invalidDate) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The ASCII digits from {@code from} to {@code to} (exclusive) as a number; -1 if any is not one. */
    private static int digits(CharSequence s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
