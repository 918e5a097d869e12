package io.marquee.recommendation.caller;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.marquee.common.events.InteractionEvent;
import io.marquee.recommendation.config.RecommendationsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Each caller's history from user-service, kept in this replica ({@code recommendations.history-cache.*}),
 * so a "because you watched" answer does not read it every time: that read (user-service, one
 * consistent DynamoDB get) was the largest stage of the answer and of a personal home-page row
 * (docs/benchmarks.md, issue 14).
 *
 * <p><b>Kept until the caller's next interaction event</b> (view, click, watch, rate: what user-service
 * builds the history from). Every replica reads the whole {@code interactions} topic
 * ({@link CallerFeed}); an event of a caller drops that caller's history.
 *
 * <p><b>Read-your-writes.</b> user-service applies the same event from the same topic, at about the
 * time it reaches this replica, so a read right after the event may still come back without it.
 * Such a read is never kept: each event leaves an expectation on the caller (the item was viewed,
 * or rated, at or after the event's time), and a read is kept only if it shows every expectation
 * of the last {@code apply-within}. An older expectation counts as met (user-service applied it,
 * or refused it and it will never show). A read that does not show an event is still the answer
 * of its own request, as it would be without this class; only the next answer reads again.
 *
 * <p><b>A read in flight when an event arrives</b> is not kept either: as in {@link RatedSets}, a
 * read takes a {@link Ticket} (the caller's striped generation, which every event of the caller
 * bumps, and the feed's epoch) and is kept only if neither moved. Memory is bounded ({@code max-users});
 * when a caller's entry with expectations is evicted, its stripe keeps nothing until those
 * expectations would have aged out, so forgetting an entry never lets a stale read stay.
 * While the feed is not positioned on every partition nothing is kept, and every answer reads
 * user-service, as before; {@code ttl} bounds how long a history can be stale if events are lost.
 */
@ApplicationScoped
public class KeptHistories {

    /** Generation stripes: a fixed 32 KB however many callers there are. */
    static final int STRIPES = 4096;

    /** The event types user-service builds the history from (io.marquee.user.history.service.HistoryService). */
    private static final Set<String> VIEWS = Set.of(InteractionEvent.VIEW, InteractionEvent.CLICK, InteractionEvent.WATCH);

    private final boolean enabled;
    private final long applyWithinNanos;
    private final LongSupplier clock;
    private final Cache<String, Entry> entries;
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
    /** Per stripe, the clock value before which nothing is kept (an entry with expectations was evicted). */
    private final AtomicLongArray blockedUntil = new AtomicLongArray(STRIPES);
    /** Moves whenever the feed (re)positions or stops: tickets taken before cannot keep a history. */
    private final AtomicLong epoch = new AtomicLong();
    /** The clock value before which nothing is kept: events published while the feed was away may be unapplied. */
    private volatile long keepFrom;
    private volatile boolean live;

    @Inject
    KeptHistories(RecommendationsConfig config, MeterRegistry metrics) {
        this(config.historyCache(), System::nanoTime);
        Gauge.builder("marquee.recommendation.history.kept", entries, Cache::estimatedSize)
                .description("Callers whose history (or pending interaction events) this replica keeps").register(metrics);
    }

    KeptHistories(RecommendationsConfig.HistoryCache config, LongSupplier clock) {
        this.enabled = config.enabled();
        this.applyWithinNanos = config.applyWithin().toNanos();
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(config.maxUsers())
                .expireAfterWrite(config.ttl())
                .ticker(clock::getAsLong)
                .<String, Entry>evictionListener((user, entry, cause) -> {
                    if (user != null && entry != null && !entry.expected().isEmpty()) {
                        long until = entry.newestExpectation() + applyWithinNanos;
                        blockedUntil.accumulateAndGet(stripe(user), until, Math::max);
                    }
                })
                .build();
    }

    /** Whether histories are kept at all ({@code recommendations.history-cache.enabled}). */
    public boolean enabled() {
        return enabled;
    }

    /** Whether the feed is positioned, so histories are kept now. */
    public boolean live() {
        return live;
    }

    /** The kept history of {@code userId}, or null: read it from user-service (with a {@link #ticket}). */
    RecentTitles.History kept(String userId) {
        if (!live) {
            return null;
        }
        Entry entry = entries.getIfPresent(userId);
        return entry == null ? null : entry.history();
    }

    /** Taken before reading {@code userId}'s history; {@link #keep} keeps the result only if it is still current. */
    Ticket ticket(String userId) {
        return new Ticket(userId, epoch.get(), generations.get(stripe(userId)));
    }

    /**
     * Keeps {@code history}, read with {@code ticket}, if no event of the caller (or its stripe)
     * arrived since the ticket, the feed did not move, and it shows every recent event of the
     * caller. Runs inside the map's per-key update, and {@link #changed} bumps the generation
     * before its own update: whichever runs first, a stale history never stays.
     */
    void keep(Ticket ticket, RecentTitles.History history) {
        if (!live) {
            return;
        }
        String user = ticket.userId();
        entries.asMap().compute(user, (key, old) -> {
            long now = clock.getAsLong();
            if (epoch.get() != ticket.epoch() || generations.get(stripe(key)) != ticket.generation()
                    || now - blockedUntil.get(stripe(key)) < 0 || now - keepFrom < 0) {
                return old;
            }
            List<Expected> unmet = new ArrayList<>();
            if (old != null) {
                for (Expected e : old.expected()) {
                    if (now - e.arrivedAt() < applyWithinNanos && !e.shownIn(history)) {
                        unmet.add(e);
                    }
                }
            }
            return unmet.isEmpty() ? new Entry(history, List.of()) : new Entry(null, List.copyOf(unmet));
        });
    }

    /**
     * An interaction event arrived: the caller's kept history (and any read in flight) is out of
     * date, and until user-service shows the event no read is kept. Events that cannot change a
     * history (other types, no user, item or time) change nothing here either.
     */
    void changed(InteractionEvent event) {
        if (event == null || event.userId() == null || event.itemId() == null || event.sentAt() == null
                || event.eventType() == null) {
            return;
        }
        boolean view = VIEWS.contains(event.eventType());
        if (!view && !InteractionEvent.RATE.equals(event.eventType())) {
            return;
        }
        String user = event.userId();
        generations.incrementAndGet(stripe(user));
        Expected expected = new Expected(event.itemId(), event.sentAt(), view, clock.getAsLong());
        entries.asMap().compute(user, (key, old) -> {
            List<Expected> next = new ArrayList<>();
            if (old != null) {
                for (Expected e : old.expected()) {
                    if (expected.arrivedAt() - e.arrivedAt() < applyWithinNanos) {
                        next.add(e);
                    }
                }
            }
            next.add(expected);
            return new Entry(null, List.copyOf(next));
        });
    }

    /**
     * The feed is (again) positioned on every partition ({@code true}), or stopped following them:
     * whatever was kept or read before may have missed events, so all of it goes; and for
     * {@code apply-within} nothing is kept, as events published while the feed was away, which it
     * will never see, may not be applied by user-service yet.
     */
    void live(boolean positioned) {
        live = false;
        epoch.incrementAndGet();
        entries.invalidateAll();
        keepFrom = clock.getAsLong() + applyWithinNanos;
        live = positioned;
    }

    private static int stripe(String userId) {
        return Math.floorMod(userId.hashCode() * 0x9E3779B9, STRIPES);
    }

    /** What a read of a caller's history saw before it started; see {@link #keep}. */
    record Ticket(String userId, long epoch, long generation) {
    }

    /** A caller's kept history (null: none kept) and the events it must show before one is kept. */
    private record Entry(RecentTitles.History history, List<Expected> expected) {

        long newestExpectation() {
            return expected.stream().mapToLong(Expected::arrivedAt).max().orElse(Long.MIN_VALUE);
        }
    }

    /**
     * One event a read must show: user-service keeps, per item, the newest time it was viewed
     * (or rated), so a history that applied the event has the item at that time or later.
     */
    record Expected(String itemId, Instant at, boolean view, long arrivedAt) {

        boolean shownIn(RecentTitles.History history) {
            List<RecentTitles.Entry> list = view ? history.viewed() : history.rated();
            for (RecentTitles.Entry entry : list) {
                if (entry.itemId().equals(itemId) && entry.at() != null && !entry.at().isBefore(at)) {
                    return true;
                }
            }
            return false;
        }
    }
}
