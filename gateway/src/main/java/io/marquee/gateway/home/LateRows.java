package io.marquee.gateway.home;

import io.marquee.common.security.Digests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The last answer of each caller's personal rows, for a short while. A personal row that misses its
 * budget still finishes in the background; when it does, its answer waits here, and the same
 * caller's next page shows it instead of leaving the row out again. A loaded machine (a first start,
 * a backlog being absorbed) thus costs a row on one page, not on every page.
 *
 * <p>Keyed by a digest of the caller's exact {@code Authorization} header (never the header itself):
 * one caller never sees another's rows. Bounded: past {@code maxEntries} the expired entries go,
 * and if none has expired, all do (a burst of distinct callers costs only this fallback).
 */
final class LateRows {

    private record Key(String section, String caller, int limit) {
    }

    private record Kept(List<Section> rows, long atNanos) {
    }

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final int maxEntries;
    private final LongSupplier clock;

    LateRows(Duration maxAge, int maxEntries, LongSupplier clock) {
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    void keep(HomeSection section, Viewer viewer, int limit, List<Section> rows) {
        if (maxAgeNanos == 0 || viewer.authorization().isEmpty()) {
            return;
        }
        if (kept.size() >= maxEntries) {
            long now = clock.getAsLong();
            kept.values().removeIf(k -> now - k.atNanos() > maxAgeNanos);
            if (kept.size() >= maxEntries) {
                kept.clear();
            }
        }
        kept.put(key(section, viewer, limit), new Kept(rows, clock.getAsLong()));
    }

    /** The caller's last answer for this row, if it is recent enough. */
    Optional<List<Section>> recent(HomeSection section, Viewer viewer, int limit) {
        if (viewer.authorization().isEmpty()) {
            return Optional.empty();
        }
        Kept k = kept.get(key(section, viewer, limit));
        if (k == null || clock.getAsLong() - k.atNanos() > maxAgeNanos) {
            return Optional.empty();
        }
        return Optional.of(k.rows());
    }

    private static Key key(HomeSection section, Viewer viewer, int limit) {
        return new Key(section.id(), Digests.sha256Hex(viewer.authorization().orElseThrow()), limit);
    }
}
