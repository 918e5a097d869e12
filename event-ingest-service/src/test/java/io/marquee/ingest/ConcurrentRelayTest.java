package io.marquee.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relay sends calls of different sessions at once ({@code ingest.relay.max-in-flight}): each
 * session's events still reach the tracker in the order they were accepted, exactly once, while
 * personalize-local throttles and fails a share of the calls (refusals for good, and the dead
 * letter queue they fill, are {@link NothingLostTest}'s: its replay counts the whole queue).
 */
@QuarkusTest
class ConcurrentRelayTest {

    private static final int SESSIONS = 12;
    /** Three calls per session (10 + 10 + 4), so a session's calls follow one another. */
    private static final int PER_SESSION = 24;
    private static final int PER_REQUEST = 8;

    @Test
    void callsOfDifferentSessionsOverlapButEachSessionArrivesInOrderExactlyOnce() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.user("u-order-" + run);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        // Requests interleave the sessions, as live traffic does: every poll holds many sessions.
        for (int from = 0; from < PER_SESSION; from += PER_REQUEST) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                String session = "order-" + run + "-" + s;
                for (int k = from; k < from + PER_REQUEST; k++) {
                    String item = "ok-" + run + "-s" + s + "-" + k;
                    events.add(Events.event(UUID.randomUUID().toString(), session, "view", item,
                            start.plusMillis(k)));
                    expected.computeIfAbsent(session, x -> new ArrayList<>()).add(item);
                }
            }
            Events.postUntilAccepted(token, events);
        }
        List<String> all = expected.values().stream().flatMap(List::stream).toList();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                PersonalizeLocal.recordedItems().keySet().containsAll(all));

        Map<String, List<String>> arrived = new LinkedHashMap<>();
        for (PersonalizeLocal.LogLine line : PersonalizeLocal.recordedInOrder()) {
            if (line.s() != null && line.s().startsWith("order-" + run + "-")) {
                arrived.computeIfAbsent(line.s(), x -> new ArrayList<>()).add(line.i());
            }
        }
        assertThat(arrived).as("per session: every event once, in the order accepted").isEqualTo(expected);
    }
}
