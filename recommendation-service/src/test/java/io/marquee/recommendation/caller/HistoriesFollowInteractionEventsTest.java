package io.marquee.recommendation.caller;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.recommendation.Interactions;
import io.marquee.recommendation.Neighbours;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callers' histories are kept per replica and follow the {@code interactions} topic of a real
 * broker (SCRAM, this service's ACLs): user-service (the stand-in) is read once per change, not per
 * "because you watched" answer; a click makes the next answer follow it, and a read that does not
 * show the click yet (user-service has not applied it) answers but is not kept.
 */
@QuarkusTest
class HistoriesFollowInteractionEventsTest {

    /** Longer than %test apply-within: a (re)positioned feed keeps nothing for that long. */
    private static final Duration KEPT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    @Inject
    KeptHistories histories;

    @BeforeEach
    void feedIsPositioned() {
        await().atMost(KEPT).until(histories::live);
    }

    @Test
    void aKeptHistoryAnswersUntilTheCallersClickThenTheClickedTitleLeadsTheRows() {
        String user = "history-1";
        Neighbours.viewed(user, views("t10", T0.plusSeconds(2), "t11", T0.plusSeconds(1)));
        await().atMost(KEPT).until(() -> {
            seeds(user);
            return histories.kept(user) != null;
        });
        int reads = Neighbours.historyReads(user);
        assertThat(seeds(user)).containsExactly("t10", "t11");
        assertThat(seeds(user)).containsExactly("t10", "t11");
        assertThat(Neighbours.historyReads(user)).as("reads of user-service").isEqualTo(reads);

        // user-service applied a click, whose event is on its way: the kept history answers until it arrives.
        Neighbours.viewed(user, views("t12", T0.plusSeconds(3), "t10", T0.plusSeconds(2), "t11", T0.plusSeconds(1)));
        Interactions.clicked(user, "t12", T0.plusSeconds(3));
        await().atMost(KEPT).untilAsserted(() -> assertThat(seeds(user)).containsExactly("t12", "t10"));
        await().atMost(KEPT).until(() -> histories.kept(user) != null);
        reads = Neighbours.historyReads(user);
        assertThat(seeds(user)).containsExactly("t12", "t10");
        assertThat(Neighbours.historyReads(user)).isEqualTo(reads);
    }

    @Test
    void aReadThatDoesNotShowTheCallersClickYetAnswersButIsNotKept() {
        String user = "history-2";
        Neighbours.viewed(user, views("t20", T0.plusSeconds(2), "t21", T0.plusSeconds(1)));
        await().atMost(KEPT).until(() -> {
            seeds(user);
            return histories.kept(user) != null;
        });

        // The click's event arrives before user-service has applied it (it reads the same topic).
        Interactions.clicked(user, "t22", T0.plusSeconds(3));
        await().atMost(KEPT).until(() -> histories.kept(user) == null);
        int reads = Neighbours.historyReads(user);
        assertThat(seeds(user)).containsExactly("t20", "t21");
        assertThat(seeds(user)).containsExactly("t20", "t21");
        assertThat(Neighbours.historyReads(user)).as("each answer reads user-service again").isEqualTo(reads + 2);
        assertThat(histories.kept(user)).isNull();

        // Applied: the next answer follows the click, and that read is kept.
        Neighbours.viewed(user, views("t22", T0.plusSeconds(3), "t20", T0.plusSeconds(2), "t21", T0.plusSeconds(1)));
        assertThat(seeds(user)).containsExactly("t22", "t20");
        reads = Neighbours.historyReads(user);
        assertThat(seeds(user)).containsExactly("t22", "t20");
        assertThat(Neighbours.historyReads(user)).isEqualTo(reads);
    }

    @Test
    void anAnonymousVisitorsRecordIsDroppedByItsKeyUnread() {
        String user = "history-3";
        String marker = "history-4";
        for (String caller : List.of(user, marker)) {
            Neighbours.viewed(caller, views(caller + "-a", T0.plusSeconds(2), caller + "-b", T0.plusSeconds(1)));
            await().atMost(KEPT).until(() -> {
                seeds(caller);
                return histories.kept(caller) != null;
            });
        }

        // Keyed by a visitor, a record is not read, whatever its value says (here: the caller, which no
        // producer of ours writes); the marker behind it on the same partition shows it was consumed.
        Interactions.publish(0, "anonymous:session-3", Interactions.click(user, "history-3-c", T0.plusSeconds(3)));
        Interactions.publish(0, marker, Interactions.click(marker, "history-4-c", T0.plusSeconds(3)));
        await().atMost(KEPT).until(() -> histories.kept(marker) == null);
        assertThat(histories.kept(user)).as("the caller's kept history").isNotNull();
    }

    private static LinkedHashMap<String, Instant> views(Object... itemsAndTimes) {
        LinkedHashMap<String, Instant> views = new LinkedHashMap<>();
        for (int i = 0; i < itemsAndTimes.length; i += 2) {
            views.put((String) itemsAndTimes[i], (Instant) itemsAndTimes[i + 1]);
        }
        return views;
    }

    private static List<String> seeds(String user) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .get("/recommendations/because-you-watched?rows=2&limit=3")
                .then().statusCode(200).extract().jsonPath().getList("rows.seedId", String.class);
    }
}
