package io.marquee.gateway.home;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The rows that are the same for everyone (the charts):
 * <ul>
 *   <li><b>one load at a time</b> per row and page size, which every page that asks meanwhile
 *       waits on, so a burst of pages sends catalog-service one request per chart, not one per page;</li>
 *   <li><b>the last answer</b>, at most {@code standInFor} old, stands in for a row that fails or
 *       misses its budget: a slow or restarting catalog leaves the page with slightly older charts
 *       instead of no rows at all.</li>
 * </ul>
 * A late load is never cancelled: its answer is what the next page gets. Bounded by the number of
 * shared rows times the page sizes a client may ask for.
 */
final class SharedRows {

    private record Row(String section, int limit) {
    }

    private record Kept(List<Section> rows, long startedAt) {
    }

    private final Map<Row, CompletableFuture<List<Section>>> loading = new ConcurrentHashMap<>();
    private final Map<Row, Kept> last = new ConcurrentHashMap<>();
    private final long standInNanos;
    private final LongSupplier clock;

    SharedRows(Duration standInFor, LongSupplier clock) {
        this.standInNanos = standInFor.toNanos();
        this.clock = clock;
    }

    /**
     * The load of this row in flight, or a new one: {@code start} is given the future to complete
     * and must hand the work to another thread (or throw, e.g. {@code RejectedExecutionException},
     * which is passed on, and fails the load for any page that joined it meanwhile).
     */
    CompletableFuture<List<Section>> load(HomeSection section, int limit, Consumer<CompletableFuture<List<Section>>> start) {
        Row row = new Row(section.id(), limit);
        CompletableFuture<List<Section>> fresh = new CompletableFuture<>();
        CompletableFuture<List<Section>> running = loading.putIfAbsent(row, fresh);
        if (running != null) {
            return running;
        }
        long startedAt = clock.getAsLong();
        // Registered before the work starts, and outside any map operation: a load that completes at
        // once must not update the map from inside putIfAbsent.
        fresh.whenComplete((rows, error) -> {
            if (error == null) {
                last.put(row, new Kept(rows, startedAt)); // loads of one row never overlap: this is the newest
            }
            loading.remove(row, fresh);
        });
        try {
            start.accept(fresh);
        } catch (RuntimeException e) {
            fresh.completeExceptionally(e);
            throw e;
        }
        return fresh;
    }

    /** The last answer for a row that failed or ran late, if at most {@code standInFor} old. */
    Optional<List<Section>> standIn(HomeSection section, int limit) {
        Kept kept = last.get(new Row(section.id(), limit));
        if (kept == null || clock.getAsLong() - kept.startedAt() > standInNanos) {
            return Optional.empty();
        }
        return Optional.of(kept.rows());
    }
}
