package io.marquee.gateway.ratelimit;

/** Routes that share a rate limit: each client has one bucket per class. */
public enum RouteClass {
    /** Login, refresh, logout: few per client, since each guess at a password costs a slow hash. */
    AUTH,
    /**
     * Sign-up alone, stricter still: it answers 409 for a taken address, so each request tells
     * whether an address has an account; a person signs up once.
     */
    SIGNUP,
    /** Safe reads (GET): the bulk of a page's traffic. */
    READ,
    /** Everything with an effect (PUT, PATCH, POST, DELETE) that is not {@link #AUTH} or {@link #EVENTS}. */
    WRITE,
    /** Batches of clickstream events: a page sends one every few seconds, and they must not use up {@link #WRITE}. */
    EVENTS
}
