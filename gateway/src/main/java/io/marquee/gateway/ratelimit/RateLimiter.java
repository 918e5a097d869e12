package io.marquee.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The buckets of every client, in memory. Each gateway replica limits on its own: with N replicas
 * behind a load balancer a client gets up to N times the limit, which is good enough to stop abuse
 * and needs no shared store.
 */
@ApplicationScoped
public class RateLimiter {

    private final RateLimitConfig config;
    private final LongSupplier clock;
    private final Map<RouteClass, RateLimitConfig.Limit> limits = new EnumMap<>(RouteClass.class);
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    RateLimiter(RateLimitConfig config) {
        this(config, System::nanoTime);
    }

    RateLimiter(RateLimitConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        limits.put(RouteClass.AUTH, config.auth());
        limits.put(RouteClass.READ, config.read());
        limits.put(RouteClass.WRITE, config.write());
        limits.put(RouteClass.EVENTS, config.events());
    }

    /**
     * Counts one request of {@code client} in {@code routeClass}.
     *
     * @return 0 if it may pass, else the whole seconds (at least 1) to wait before the next one
     */
    public long acquire(RouteClass routeClass, String client) {
        if (!config.enabled()) {
            return 0;
        }
        long now = clock.getAsLong();
        if (buckets.size() >= config.maxClients()) {
            forgetIdle(now);
        }
        RateLimitConfig.Limit limit = limits.get(routeClass);
        TokenBucket bucket = buckets.computeIfAbsent(routeClass.name() + ' ' + client,
                k -> new TokenBucket(limit.capacity(), limit.refill(), limit.period().toNanos(), now));
        long waitNanos = bucket.tryTake(now);
        return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /** Drops buckets that are full again: forgetting them changes nothing for their clients. */
    private void forgetIdle(long now) {
        buckets.values().removeIf(bucket -> bucket.full(now));
        if (buckets.size() >= config.maxClients()) {
            // Everyone is busy (a flood of fresh addresses): start over rather than grow without bound.
            buckets.clear();
        }
    }
}
