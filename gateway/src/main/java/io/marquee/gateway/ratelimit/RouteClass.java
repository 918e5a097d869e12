package io.marquee.gateway.ratelimit;

/** Routes that share a rate limit: each client has one bucket per class. */
public enum RouteClass {
    /** Sign-up, login, refresh: few per client, since each guess at a password costs a slow hash. */
    AUTH,
    /** Safe reads (GET): the bulk of a page's traffic. */
    READ,
    /** Everything with an effect (PUT, PATCH, POST, DELETE) that is not {@link #AUTH} or {@link #EVENTS}. */
    WRITE,
    /** Batches of clickstream events: a page sends one every few seconds, and they must not use up {@link #WRITE}. */
    EVENTS
}
