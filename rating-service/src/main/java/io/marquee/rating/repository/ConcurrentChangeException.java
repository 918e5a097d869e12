package io.marquee.rating.repository;

/**
 * Another change of the same rating, or of the same user's event sequence, committed between
 * reading and writing; the caller re-reads and tries again.
 */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String userId, String itemId, Throwable cause) {
        super("rating of " + itemId + " by " + userId + " changed concurrently", cause, false, false);
    }
}
