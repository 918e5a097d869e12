package io.marquee.gateway.home;

import io.marquee.common.security.Digests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Each caller's last answers for the personal rows ("for you", "because you watched …"), so that a
 * page does not wait on recommendation-service every time (stale-while-revalidate):
 * <ul>
 *   <li><b>reused</b>: an answer whose load started at most {@code reuseFor} ago, and at least
 *       {@code settle} after the caller's last write through this gateway, is served at once. Past
 *       {@code refreshAfter} the page also starts one background load, whose answer the next page
 *       gets. A write (a rating, a click) makes the next pages load afresh until it has had
 *       {@code settle} to reach the recommender, so the rows still follow what the caller does;
 *       so does a client's {@code Cache-Control: no-cache};</li>
 *   <li><b>late</b>: an answer at most {@code lateMaxAge} old stands in for a row that misses its
 *       budget, rather than leaving the row out.</li>
 * </ul>
 *
 * <p>Keyed by a digest of the caller's exact {@code Authorization} header (never the header itself):
 * one caller never sees another's rows. The token is verified again before a reuse ({@code tokenValid}),
 * because no service sees that request: an expired token gets no rows from here. Bounded: past
 * {@code maxCallers} the callers idle longest go, and if none is idle, all do.
 */
final class PersonalRows {

    /** How long each kind of reuse may go on; {@link HomeConfig} fills it. */
    record Limits(Duration reuseFor, Duration refreshAfter, Duration settle, Duration lateMaxAge, int maxCallers) {
    }

    private record Row(String section, int limit) {
    }

    private record Kept(List<Section> rows, long startedAt) {
    }

    /** One caller's rows and the time of their last write. */
    private static final class Caller {
        final Map<Row, Kept> rows = new ConcurrentHashMap<>();
        final Set<Row> refreshing = ConcurrentHashMap.newKeySet();
        /** When the caller last wrote, if ever ({@code System.nanoTime} values may be negative: no sentinel). */
        volatile OptionalLong wroteAt = OptionalLong.empty();
        volatile long usedAt;
    }

    private final Map<String, Caller> callers = new ConcurrentHashMap<>();
    private final long reuseNanos;
    private final long refreshNanos;
    private final long settleNanos;
    private final long lateNanos;
    private final int maxCallers;
    private final LongSupplier clock;
    private final Predicate<String> tokenValid;

    PersonalRows(Limits limits, LongSupplier clock, Predicate<String> tokenValid) {
        this.reuseNanos = limits.reuseFor().toNanos();
        this.refreshNanos = limits.refreshAfter().toNanos();
        this.settleNanos = limits.settle().toNanos();
        this.lateNanos = limits.lateMaxAge().toNanos();
        this.maxCallers = limits.maxCallers();
        this.clock = clock;
        this.tokenValid = tokenValid;
    }

    /** The time a load starts, to pass to {@link #keep} when it ends. */
    long now() {
        return clock.getAsLong();
    }

    /** Keeps a load's answer, unless a newer one is kept already. */
    void keep(HomeSection section, Viewer viewer, int limit, List<Section> rows, long startedAt) {
        if (viewer.authorization().isEmpty()) {
            return;
        }
        Caller caller = caller(viewer.authorization().get());
        Row row = new Row(section.id(), limit);
        caller.rows.merge(row, new Kept(rows, startedAt), (old, fresh) -> fresh.startedAt() >= old.startedAt() ? fresh : old);
        caller.refreshing.remove(row);
    }

    /**
     * An answer to serve at once, without loading. With {@code refresh} set, the page must also
     * start one background load of the row and end it with {@link #keep} or {@link #refreshFailed}.
     */
    record Reuse(List<Section> rows, boolean refresh) {
    }

    /**
     * The answer to serve at once, if there is one (see the class comment); past {@code refreshAfter},
     * with no background load running, it also asks for one.
     */
    Optional<Reuse> reusable(HomeSection section, Viewer viewer, int limit) {
        if (reuseNanos == 0 || viewer.revalidate()) {
            return Optional.empty();
        }
        Found found = find(section, viewer, limit).orElse(null);
        long now = clock.getAsLong();
        if (found == null || now - found.kept().startedAt() > reuseNanos || found.wroteTooRecently(settleNanos)
                || !tokenValid.test(viewer.authorization().orElseThrow())) {
            return Optional.empty();
        }
        found.caller().usedAt = now;
        boolean refresh = now - found.kept().startedAt() >= refreshNanos && found.caller().refreshing.add(found.row());
        return Optional.of(new Reuse(found.kept().rows(), refresh));
    }

    /** A background load asked for by {@link #reusable} failed: the next page past {@code refreshAfter} may try again. */
    void refreshFailed(HomeSection section, Viewer viewer, int limit) {
        find(section, viewer, limit).ifPresent(found -> found.caller().refreshing.remove(found.row()));
    }

    /** The caller's last answer for a row that missed its budget, if at most {@code lateMaxAge} old. */
    Optional<List<Section>> late(HomeSection section, Viewer viewer, int limit) {
        return find(section, viewer, limit)
                .filter(found -> clock.getAsLong() - found.kept().startedAt() <= lateNanos)
                .map(found -> found.kept().rows());
    }

    /** The caller changed something (a rating, a click): their next pages load the rows afresh. */
    void wrote(String authorization) {
        caller(authorization).wroteAt = OptionalLong.of(clock.getAsLong());
    }

    /** What is kept for this viewer's row, if anything: one lookup, one digest of the header. */
    private Optional<Found> find(HomeSection section, Viewer viewer, int limit) {
        if (viewer.authorization().isEmpty()) {
            return Optional.empty();
        }
        Caller caller = callers.get(key(viewer.authorization().get()));
        Row row = new Row(section.id(), limit);
        Kept kept = caller == null ? null : caller.rows.get(row);
        return kept == null ? Optional.empty() : Optional.of(new Found(caller, row, kept));
    }

    private record Found(Caller caller, Row row, Kept kept) {

        /** Whether the answer's load started before the caller's last write had {@code settle} to take effect. */
        boolean wroteTooRecently(long settleNanos) {
            OptionalLong wroteAt = caller.wroteAt;
            return wroteAt.isPresent() && kept.startedAt() - wroteAt.getAsLong() < settleNanos;
        }
    }

    private Caller caller(String authorization) {
        String key = key(authorization);
        Caller caller = callers.get(key);
        if (caller == null) {
            makeRoom();
            caller = callers.computeIfAbsent(key, k -> new Caller());
        }
        caller.usedAt = clock.getAsLong();
        return caller;
    }

    private void makeRoom() {
        if (callers.size() < maxCallers) {
            return;
        }
        long now = clock.getAsLong();
        long idle = Math.max(lateNanos, reuseNanos) + settleNanos;
        callers.values().removeIf(c -> now - c.usedAt > idle);
        if (callers.size() >= maxCallers) {
            callers.clear();
        }
    }

    private static String key(String authorization) {
        return Digests.sha256Hex(authorization);
    }
}
