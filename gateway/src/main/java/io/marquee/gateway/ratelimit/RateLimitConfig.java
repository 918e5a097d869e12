package io.marquee.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Per-client token buckets at the edge ({@code gateway.rate-limit.*}, environment
 * {@code GATEWAY_RATE_LIMIT_*}). A client is the token's subject on routes that need a token,
 * else the client address (the peer, or the first {@code X-Forwarded-For} entry when
 * {@code quarkus.http.proxy.*} trusts the proxy in front). The defaults are in
 * {@code application.properties}, one block per route class.
 */
@ConfigMapping(prefix = "gateway.rate-limit")
public interface RateLimitConfig {

    /** Off only for benchmarks that measure the services rather than the limiter. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Most clients tracked at once. Past it, clients whose buckets are full again (idle) are
     * forgotten; if none is idle, new clients share one overflow bucket per route class until some
     * are. A flood of new addresses costs memory up to this bound and never resets the count of a
     * client that is busy.
     */
    @WithDefault("100000")
    int maxClients();

    /** Login, refresh, logout. */
    Limit auth();

    /** Sign-up (an account-enumeration oracle: a taken address answers 409). */
    Limit signup();

    /** GET routes. */
    Limit read();

    /** Other writes. */
    Limit write();

    /** Batches of clickstream events ({@code POST /api/v1/events}). */
    Limit events();

    /** A bucket: holds up to {@code capacity} requests and regains {@code refill} every {@code period}. */
    interface Limit {

        /** Burst size: requests a rested client may send at once. */
        long capacity();

        /** Requests regained per {@link #period()}, spread evenly over it. */
        long refill();

        /** The period of {@link #refill()}. */
        Duration period();
    }
}
