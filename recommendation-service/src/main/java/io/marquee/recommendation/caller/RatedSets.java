package io.marquee.recommendation.caller;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.marquee.recommendation.config.RecommendationsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Each caller's rated item ids, kept in this replica ({@code recommendations.rated-cache.*}), so an
 * answer does not read them from rating-service every time: that read (pages of a DynamoDB query
 * behind two token checks) was the largest CPU cost of a "for you" answer (docs/benchmarks.md).
 *
 * <p><b>Kept until the caller's next rating event.</b> Every replica reads the whole
 * {@code ratings} topic ({@link CallerFeed}); an event of a caller drops that caller's set, and the
 * next answer reads rating-service again, which holds the change by then (it publishes only after
 * its commit). Sets are dropped, never patched, so redelivered or re-published events in any order
 * cannot make a set wrong. A rating deleted is offered again once its event arrived, as it is
 * no longer the caller's.
 *
 * <p><b>A read in flight when an event arrives</b> may carry the set from before the change: a read
 * takes a {@link Ticket} (the caller's generation, which every event of the caller bumps, and the
 * feed's epoch) before it asks rating-service, and its set is kept only if neither moved meanwhile.
 * Generations are striped by the hash of the user id over a fixed array, so memory stays bounded;
 * two callers sharing a stripe only means a set is not kept that once.
 *
 * <p><b>Read-your-writes window:</b> a title rated a moment ago can still be offered (after
 * Personalize's own exclude-rated filter, which learns of it later) until its event reaches this
 * replica: rating-service's outbox publish plus one poll, well under a second on a healthy broker.
 * While the feed is not positioned on every partition (starting, failing) nothing is kept and every
 * answer reads rating-service, as before. If the broker is unreachable, events wait in
 * rating-service's outbox and arrive late; {@code ttl} bounds how long a set can then be stale.
 */
@ApplicationScoped
public class RatedSets {

    /** Generation stripes: a fixed 32 KB however many callers there are. */
    static final int STRIPES = 4096;

    private final boolean enabled;
    private final Cache<String, Set<String>> sets;
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
    /** Moves whenever the feed (re)positions or stops: tickets taken before cannot keep a set. */
    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean live;

    RatedSets(RecommendationsConfig config, MeterRegistry metrics) {
        RecommendationsConfig.RatedCache cache = config.ratedCache();
        this.enabled = cache.enabled();
        this.sets = Caffeine.newBuilder().maximumSize(cache.maxUsers()).expireAfterWrite(cache.ttl()).build();
        Gauge.builder("marquee.recommendation.rated.sets", sets, Cache::estimatedSize)
                .description("Callers whose rated titles this replica keeps").register(metrics);
        Gauge.builder("marquee.recommendation.rated.feed.live", this, s -> s.live ? 1 : 0)
                .description("1 while the ratings feed is positioned and sets are kept; 0: every answer reads rating-service")
                .register(metrics);
    }

    /** Whether sets are kept at all ({@code recommendations.rated-cache.enabled}). */
    public boolean enabled() {
        return enabled;
    }

    /** Whether the feed is positioned, so sets are kept now. */
    public boolean live() {
        return live;
    }

    /** The kept set of {@code userId}, or null: read it from rating-service (with a {@link #ticket}). */
    Set<String> kept(String userId) {
        return live ? sets.getIfPresent(userId) : null;
    }

    /** Taken before reading {@code userId}'s ratings; {@link #keep} keeps the result only if it is still current. */
    Ticket ticket(String userId) {
        return new Ticket(userId, epoch.get(), generations.get(stripe(userId)));
    }

    /**
     * Keeps {@code ids}, read with {@code ticket}, unless an event of the caller (or of its stripe)
     * arrived, or the feed moved, since the ticket was taken. The check runs inside the map's
     * per-key update, and {@link #changed} bumps the generation before it drops the key: whichever
     * runs first, a stale set never stays.
     */
    void keep(Ticket ticket, Set<String> ids) {
        if (!live) {
            return;
        }
        sets.asMap().compute(ticket.userId(), (user, old) ->
                epoch.get() == ticket.epoch() && generations.get(stripe(user)) == ticket.generation() ? ids : old);
    }

    /** A rating event of {@code userId} arrived: its kept set (and any read in flight) is out of date. */
    void changed(String userId) {
        generations.incrementAndGet(stripe(userId));
        sets.invalidate(userId);
    }

    /**
     * The feed is (again) positioned on every partition ({@code true}), or stopped following them:
     * whatever was kept or read before may have missed events, so all of it goes.
     */
    void live(boolean positioned) {
        live = false;
        epoch.incrementAndGet();
        sets.invalidateAll();
        live = positioned;
    }

    private static int stripe(String userId) {
        return Math.floorMod(userId.hashCode() * 0x9E3779B9, STRIPES);
    }

    /** What a read of a caller's ratings saw before it started; see {@link #keep}. */
    record Ticket(String userId, long epoch, long generation) {
    }
}
