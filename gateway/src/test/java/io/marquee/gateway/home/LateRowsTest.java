package io.marquee.gateway.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A caller's last personal rows: only for that caller, only while recent, and bounded. */
class LateRowsTest {

    private static final HomeSection FOR_YOU = new SectionOf("for-you", 5, true, (viewer, limit) -> List.of());
    private static final Viewer ALICE = new Viewer(Optional.of("Bearer alice"), "r-1");
    private static final Viewer BOB = new Viewer(Optional.of("Bearer bob"), "r-2");
    private static final Viewer ANONYMOUS = new Viewer(Optional.empty(), "r-3");
    private static final List<Section> ROWS = List.of(new Section("for-you", "For you", "campaign", "rec-1", List.of()));

    private final AtomicLong now = new AtomicLong();
    private final LateRows late = new LateRows(Duration.ofMinutes(2), 3, now::get);

    @Test
    void keptRowsAreTheCallersAloneAndOnlyWhileRecent() {
        late.keep(FOR_YOU, ALICE, 20, ROWS);

        assertThat(late.recent(FOR_YOU, ALICE, 20)).contains(ROWS);
        assertThat(late.recent(FOR_YOU, BOB, 20)).isEmpty();
        assertThat(late.recent(FOR_YOU, ALICE, 10)).as("another page size is another answer").isEmpty();

        now.addAndGet(Duration.ofMinutes(2).plusMillis(1).toNanos());
        assertThat(late.recent(FOR_YOU, ALICE, 20)).isEmpty();
    }

    @Test
    void anonymousViewersKeepNothing() {
        late.keep(FOR_YOU, ANONYMOUS, 20, ROWS);
        assertThat(late.recent(FOR_YOU, ANONYMOUS, 20)).isEmpty();
    }

    @Test
    void pastItsBoundExpiredEntriesGoFirstAndAFullTableIsEmptied() {
        late.keep(FOR_YOU, ALICE, 1, ROWS);
        now.addAndGet(Duration.ofMinutes(3).toNanos());
        late.keep(FOR_YOU, ALICE, 2, ROWS);
        late.keep(FOR_YOU, ALICE, 3, ROWS);
        late.keep(FOR_YOU, BOB, 1, ROWS); // full: the expired entry goes, the recent ones stay
        assertThat(late.recent(FOR_YOU, ALICE, 2)).contains(ROWS);
        assertThat(late.recent(FOR_YOU, BOB, 1)).contains(ROWS);

        late.keep(FOR_YOU, BOB, 2, ROWS); // full of recent entries: all go, the new one stays
        assertThat(late.recent(FOR_YOU, ALICE, 2)).isEmpty();
        assertThat(late.recent(FOR_YOU, BOB, 2)).contains(ROWS);
    }
}
