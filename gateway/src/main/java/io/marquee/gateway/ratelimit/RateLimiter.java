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
 * behind a load balancer a client gets up to N times the limit. That is the documented contract
 * (ADR 19): abuse control at the edge; what must hold exactly (failed logins) user-service counts
 * in DynamoDB.
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
        limits.put(RouteClass.SIGNUP, config.signup());
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
        String key = routeClass.name() + ' ' + client;
        if (buckets.size() >= config.maxClients() && !buckets.containsKey(key)) {
            forgetIdle(now);
            if (buckets.size() >= config.maxClients()) {
                // Everyone tracked is busy (a flood of fresh addresses): newcomers share one bucket
                // rather than reset anyone's count or grow the map without bound.
                key = routeClass.name() + " overflow";
            }
        }
        RateLimitConfig.Limit limit = limits.get(routeClass);
        TokenBucket bucket = buckets.computeIfAbsent(key,
                k -> new TokenBucket(limit.capacity(), limit.refill(), limit.period().toNanos(), now));
        long waitNanos = bucket.tryTake(now);
        return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /** Drops buckets that are full again: forgetting them changes nothing for their clients. */
    private void forgetIdle(long now) {
        buckets.values().removeIf(bucket -> bucket.full(now));
    }
}
