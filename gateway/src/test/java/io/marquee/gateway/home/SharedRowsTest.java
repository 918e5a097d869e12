package io.marquee.gateway.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The charts' rows: one load at a time, shared by every page waiting, and the last answer standing in. */
class SharedRowsTest {

    private static final HomeSection TRENDING = new SectionOf("trending", 30, false, (viewer, limit) -> List.of());
    private static final HomeSection TOP_RATED = new SectionOf("top-rated", 40, false, (viewer, limit) -> List.of());
    private static final List<Section> ROWS = List.of(new Section("trending", "Trending now", "chart:trending", null, List.of()));

    private final AtomicLong now = new AtomicLong(-1_000_000_000L);
    private final SharedRows shared = new SharedRows(Duration.ofMinutes(10), now::get);
    private final List<CompletableFuture<List<Section>>> started = new ArrayList<>();

    @Test
    void pagesAskingWhileALoadRunsJoinItAndTheNextPageStartsANewOne() {
        CompletableFuture<List<Section>> first = shared.load(TRENDING, 20, started::add);
        CompletableFuture<List<Section>> joined = shared.load(TRENDING, 20, started::add);
        assertThat(joined).isSameAs(first);
        assertThat(started).hasSize(1);
        assertThat(shared.load(TRENDING, 10, started::add)).as("another page size").isNotSameAs(first);
        assertThat(shared.load(TOP_RATED, 20, started::add)).as("another chart").isNotSameAs(first);

        started.get(0).complete(ROWS);
        assertThat(joined).isCompletedWithValue(ROWS);
        assertThat(shared.load(TRENDING, 20, started::add)).as("done: a new page loads again").isNotSameAs(first);
        assertThat(started).hasSize(4);
    }

    @Test
    void theLastAnswerStandsInWhileRecentAndAFailedLoadKeepsIt() {
        assertThat(shared.standIn(TRENDING, 20)).isEmpty();
        shared.load(TRENDING, 20, started::add).complete(ROWS);
        shared.load(TRENDING, 20, started::add).completeExceptionally(new IllegalStateException("catalog down"));

        assertThat(shared.standIn(TRENDING, 20)).contains(ROWS);
        assertThat(shared.standIn(TRENDING, 10)).isEmpty();
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(shared.standIn(TRENDING, 20)).contains(ROWS);
        now.addAndGet(1);
        assertThat(shared.standIn(TRENDING, 20)).isEmpty();
    }

    @Test
    void aLoadThatCannotStartFailsForEveryPageThatJoinedItAndLeavesNothingInFlight() {
        CompletableFuture<?>[] joined = new CompletableFuture<?>[1];
        assertThatThrownBy(() -> shared.load(TRENDING, 20, result -> {
            joined[0] = shared.load(TRENDING, 20, started::add); // a page asking meanwhile
            throw new RejectedExecutionException("workers busy");
        })).isInstanceOf(RejectedExecutionException.class);

        assertThat(joined[0]).isCompletedExceptionally();
        assertThat(started).isEmpty();
        shared.load(TRENDING, 20, started::add);
        assertThat(started).as("the next page starts a load").hasSize(1);
    }
}
