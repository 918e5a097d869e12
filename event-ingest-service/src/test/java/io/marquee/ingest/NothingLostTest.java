package io.marquee.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.marquee.common.events.Topics;
import io.marquee.ingest.relay.DeadLetter;
import io.marquee.ingest.relay.TrackerRelay;
import io.marquee.testsupport.Management;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The relay's promise: every accepted event reaches the tracker exactly once or sits in
 * {@code interactions-dlq} with its reason, while the broker and the relay restart and
 * personalize-local throttles, fails and refuses calls (its fault switch, see {@link PersonalizeLocal}).
 */
@QuarkusTest
class NothingLostTest {

    /** /q/health and /q/metrics answer on the management interface, not the API port. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private String management(String path) {
        return Management.url(managementRoot, path);
    }

    private static final int BATCHES = 12;
    private static final int PER_BATCH = 25;

    @Inject
    TrackerRelay relay;

    @Test
    void everyAcceptedEventReachesTheTrackerExactlyOnceOrTheDeadLetterQueueWithItsReason() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            if (b == 3) {
                relay.stop();
                relay.start();
            }
            if (b == 6) {
                RestartableKafka.stopBroker();
                RestartableKafka.startBroker();
            }
            List<Map<String, Object>> events = new ArrayList<>();
            String session = "s-" + run + "-" + (b % 4);
            for (int i = 0; i < PER_BATCH; i++) {
                // One event in fifty is refused by the tracker for good.
                String item = (i == 7 && b % 2 == 0 ? PersonalizeLocal.REFUSED_PREFIX : "ok-") + run + "-" + b + "-" + i;
                events.add(Events.event(UUID.randomUUID().toString(), session, "view", item,
                        Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            }
            String token = TestTokens.user("u-" + run + "-" + (b % 3));
            Events.postUntilAccepted(b % 5 == 4 ? null : token, events);
            for (Map<String, Object> e : events) {
                String item = (String) e.get("itemId");
                (item.startsWith(PersonalizeLocal.REFUSED_PREFIX) ? refused : accepted).add(item);
            }
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                PersonalizeLocal.recordedItems().keySet().containsAll(accepted));
        List<DeadLetter> letters = Topic.read(Topics.INTERACTIONS_DLQ, DeadLetter.class,
                l -> l.event() != null && l.event().itemId().contains(run), r -> r.size() >= refused.size())
                .stream().map(Topic.Record::value).toList();

        Map<String, Integer> recorded = PersonalizeLocal.recordedItems();
        Map<String, Integer> ours = recorded.entrySet().stream().filter(e -> e.getKey().contains(run))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(ours.values()).as("each delivered exactly once").containsOnly(1);
        assertThat(letters).extracting(l -> l.event().itemId()).containsExactlyInAnyOrderElementsOf(refused);
        assertThat(letters).allSatisfy(l -> assertThat(l.reason()).contains("InvalidInputException"));
        assertThat(Set.copyOf(accepted)).doesNotContainAnyElementsOf(refused);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(metric("marquee_ingest_relay_lag_seconds"))
                .isEqualTo(0.0));
        assertThat(metric("marquee_ingest_dlq_events_total")).isGreaterThanOrEqualTo(refused.size());
        assertThat(metric("marquee_ingest_relay_retries_total")).as("the fault switch was felt").isPositive();

        // Once the cause is fixed, an admin moves them back; here the tracker refuses them again.
        given().auth().oauth2(TestTokens.admin("admin-1")).when().post("/admin/dlq/replay")
                .then().statusCode(200).body("replayed", equalTo(refused.size()));
        given().auth().oauth2(TestTokens.user("u-1")).when().post("/admin/dlq/replay").then().statusCode(403);
        given().when().post("/admin/dlq/replay").then().statusCode(401);
    }

    private double metric(String name) {
        String body = given().when().get(management("/q/metrics")).then().statusCode(200).extract().asString();
        return body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
