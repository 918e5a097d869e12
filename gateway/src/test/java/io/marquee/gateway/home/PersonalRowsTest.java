package io.marquee.gateway.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A caller's personal rows: only for that caller, reused only while nothing they did should change them. */
class PersonalRowsTest {

    private static final HomeSection FOR_YOU = new SectionOf("for-you", 5, true, (viewer, limit) -> List.of());
    private static final Viewer ALICE = new Viewer(Optional.of("Bearer alice"), "r-1");
    private static final Viewer BOB = new Viewer(Optional.of("Bearer bob"), "r-2");
    private static final Viewer ANONYMOUS = new Viewer(Optional.empty(), "r-3");
    private static final List<Section> ROWS = List.of(new Section("for-you", "For you", "campaign", "rec-1", List.of()));
    private static final List<Section> NEWER = List.of(new Section("for-you", "For you", "campaign", "rec-2", List.of()));

    private final AtomicLong now = new AtomicLong(-5_000_000_000L); // nanoTime may be negative
    private final AtomicBoolean tokenValid = new AtomicBoolean(true);
    private final PersonalRows personal = new PersonalRows(new PersonalRows.Limits(Duration.ofSeconds(30),
            Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofMinutes(2), 3), now::get, token -> tokenValid.get());

    @Test
    void rowsAreReusedForTheSameCallerAndPageSizeOnlyWhileRecent() {
        personal.keep(FOR_YOU, ALICE, 20, ROWS, now.get());

        assertThat(reusable(FOR_YOU, ALICE, 20)).contains(ROWS);
        assertThat(reusable(FOR_YOU, BOB, 20)).isEmpty();
        assertThat(reusable(FOR_YOU, ALICE, 10)).as("another page size is another answer").isEmpty();

        advance(Duration.ofSeconds(30).plusMillis(1));
        assertThat(reusable(FOR_YOU, ALICE, 20)).as("past reuse-for").isEmpty();
        assertThat(personal.late(FOR_YOU, ALICE, 20)).as("still good to stand in for a late row").contains(ROWS);
        advance(Duration.ofMinutes(2));
        assertThat(personal.late(FOR_YOU, ALICE, 20)).isEmpty();
    }

    @Test
    void aWriteStopsReuseUntilAnAnswerStartedAfterItHadTimeToSettle() {
        personal.keep(FOR_YOU, ALICE, 20, ROWS, now.get());
        advance(Duration.ofSeconds(1));
        personal.wrote("Bearer alice");
        assertThat(reusable(FOR_YOU, ALICE, 20)).as("made before the write").isEmpty();
        assertThat(personal.late(FOR_YOU, ALICE, 20)).as("but may stand in for a late row").contains(ROWS);
        assertThat(reusable(FOR_YOU, BOB, 20)).isEmpty();

        advance(Duration.ofSeconds(1));
        personal.keep(FOR_YOU, ALICE, 20, NEWER, now.get());
        assertThat(reusable(FOR_YOU, ALICE, 20)).as("started 1 s after the write, settle is 3 s").isEmpty();

        advance(Duration.ofSeconds(2));
        personal.keep(FOR_YOU, ALICE, 20, NEWER, now.get());
        assertThat(reusable(FOR_YOU, ALICE, 20)).contains(NEWER);
    }

    @Test
    void aLoadThatStartedBeforeTheLastOneDoesNotReplaceIt() {
        long early = now.get();
        advance(Duration.ofSeconds(1));
        personal.keep(FOR_YOU, ALICE, 20, NEWER, now.get());
        personal.keep(FOR_YOU, ALICE, 20, ROWS, early);
        assertThat(reusable(FOR_YOU, ALICE, 20)).contains(NEWER);
    }

    @Test
    void noReuseWhenTheClientAsksForFreshRowsOrTheTokenNoLongerHolds() {
        personal.keep(FOR_YOU, ALICE, 20, ROWS, now.get());
        assertThat(reusable(FOR_YOU, new Viewer(ALICE.authorization(), "r-9", true), 20)).isEmpty();

        tokenValid.set(false);
        assertThat(reusable(FOR_YOU, ALICE, 20)).as("expired or forged token").isEmpty();
    }

    @Test
    void aReuseAsksForOneBackgroundRefreshAtATimeAndOnlyPastRefreshAfter() {
        personal.keep(FOR_YOU, ALICE, 20, ROWS, now.get());
        assertThat(refreshAsked(ALICE)).as("fresh enough").isFalse();

        advance(Duration.ofSeconds(5));
        assertThat(refreshAsked(ALICE)).isTrue();
        assertThat(refreshAsked(ALICE)).as("one is running").isFalse();
        personal.refreshFailed(FOR_YOU, ALICE, 20);
        assertThat(refreshAsked(ALICE)).as("the failed one may be tried again").isTrue();

        personal.keep(FOR_YOU, ALICE, 20, NEWER, now.get());
        assertThat(reusable(FOR_YOU, ALICE, 20)).contains(NEWER);
        assertThat(refreshAsked(ALICE)).as("just refreshed").isFalse();
        assertThat(personal.reusable(FOR_YOU, BOB, 20)).as("nobody else's refresh").isEmpty();
    }

    @Test
    void anonymousViewersKeepNothing() {
        personal.keep(FOR_YOU, ANONYMOUS, 20, ROWS, now.get());
        assertThat(reusable(FOR_YOU, ANONYMOUS, 20)).isEmpty();
        assertThat(personal.late(FOR_YOU, ANONYMOUS, 20)).isEmpty();
    }

    @Test
    void pastItsBoundIdleCallersGoFirstAndAFullTableIsEmptied() {
        Viewer carol = new Viewer(Optional.of("Bearer carol"), "r-4");
        Viewer dave = new Viewer(Optional.of("Bearer dave"), "r-5");
        personal.keep(FOR_YOU, ALICE, 20, ROWS, now.get());
        advance(Duration.ofMinutes(3));
        personal.keep(FOR_YOU, BOB, 20, ROWS, now.get());
        personal.keep(FOR_YOU, carol, 20, ROWS, now.get());
        personal.keep(FOR_YOU, dave, 20, ROWS, now.get()); // full: idle Alice goes, the others stay
        assertThat(personal.late(FOR_YOU, BOB, 20)).contains(ROWS);
        assertThat(personal.late(FOR_YOU, dave, 20)).contains(ROWS);

        personal.wrote("Bearer erin"); // full of recent callers: all go, the new one stays
        assertThat(personal.late(FOR_YOU, BOB, 20)).isEmpty();
        assertThat(personal.late(FOR_YOU, dave, 20)).isEmpty();
    }

    private Optional<List<Section>> reusable(HomeSection section, Viewer viewer, int limit) {
        return personal.reusable(section, viewer, limit).map(PersonalRows.Reuse::rows);
    }

    private boolean refreshAsked(Viewer viewer) {
        return personal.reusable(FOR_YOU, viewer, 20).orElseThrow().refresh();
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
