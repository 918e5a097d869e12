package io.marquee.catalog.stats.repository;

/** A stats row or watermark changed between reading and writing it; re-read and try again. */
public class StatsConflictException extends RuntimeException {

    public StatsConflictException(Throwable cause) {
        super("stats changed concurrently", cause, false, false);
    }
}
