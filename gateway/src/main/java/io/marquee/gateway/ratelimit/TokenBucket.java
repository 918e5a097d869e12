package io.marquee.gateway.ratelimit;

/**
 * One client's allowance for one route class: holds up to {@code capacity} tokens, refilled
 * continuously at {@code refill} per {@code periodNanos}; each request takes one. Time comes from
 * the caller (nanoseconds of a monotonic clock), so tests need no sleeping.
 */
final class TokenBucket {

    private final long capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(long capacity, long refill, long periodNanos, long now) {
        if (capacity < 1 || refill < 1 || periodNanos < 1) {
            throw new IllegalArgumentException("capacity, refill and period must be positive");
        }
        this.capacity = capacity;
        this.tokensPerNano = (double) refill / periodNanos;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /**
     * Takes a token if there is one.
     *
     * @return 0 if the request may pass, else how many nanoseconds until the next token
     */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** Whether the bucket is full again, i.e. the client has been idle long enough to forget. */
    synchronized boolean full(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = now;
        }
    }
}
