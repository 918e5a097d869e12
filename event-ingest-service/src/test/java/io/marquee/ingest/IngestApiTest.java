package io.marquee.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.Topics;
import io.marquee.testsupport.Management;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Accepting events: what lands on {@code interactions}, and for whom. */
@QuarkusTest
class IngestApiTest {

    /** /q/health and /q/metrics answer on the management interface, not the API port. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private String management(String path) {
        return Management.url(managementRoot, path);
    }

    @Test
    void aSignedInUsersEventsLandOnInteractionsKeyedByThatUserWithEverythingTheySaid() {
        String user = "u-" + UUID.randomUUID();
        String session = "s-" + UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> view = Events.event("e-" + UUID.randomUUID(), session, "view", "tt-1", at);
        view.put("page", "/movies/tt-1");
        view.put("device", "web");
        view.put("recommendationId", "rec-42");
        view.put("impression", List.of("tt-1", "tt-2"));
        view.put("properties", Map.of("source", "home-row"));
        Map<String, Object> rate = Events.event("e-" + UUID.randomUUID(), session, "rate", "tt-1", at.plusSeconds(5));
        rate.put("eventValue", 4.5);

        given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                .body(Events.batch(List.of(view, rate)))
                .when().post("/events")
                .then().statusCode(202).body("accepted", equalTo(2));

        List<Topic.Record<InteractionEvent>> records = Topic.read(Topics.INTERACTIONS, InteractionEvent.class,
                e -> session.equals(e.sessionId()), r -> r.size() >= 2);
        assertThat(records).extracting(Topic.Record::key).containsOnly(user);
        InteractionEvent first = records.stream().map(Topic.Record::value)
                .filter(e -> e.eventId().equals(view.get("eventId"))).findFirst().orElseThrow();
        assertThat(first.userId()).isEqualTo(user);
        assertThat(first.sentAt()).isEqualTo(at);
        assertThat(first.page()).isEqualTo("/movies/tt-1");
        assertThat(first.device()).isEqualTo("web");
        assertThat(first.recommendationId()).isEqualTo("rec-42");
        assertThat(first.impression()).containsExactly("tt-1", "tt-2");
        assertThat(first.properties()).containsEntry("source", "home-row");
        assertThat(records).extracting(r -> r.value().eventValue()).contains(4.5);
    }

    @Test
    void aSignedOutVisitorIsItsSessionAndAUserIdInTheBodyCountsForNobody() {
        String session = "s-" + UUID.randomUUID();
        Map<String, Object> forged = Events.view(session, "tt-7");
        forged.put("userId", "victim");

        given().contentType(ContentType.JSON).body(Events.batch(List.of(forged)))
                .when().post("/events")
                .then().statusCode(202).body("accepted", equalTo(1));

        List<Topic.Record<InteractionEvent>> records = Topic.read(Topics.INTERACTIONS, InteractionEvent.class,
                e -> session.equals(e.sessionId()), r -> !r.isEmpty());
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("anonymous:" + session);
            assertThat(r.value().userId()).isEqualTo("anonymous:" + session);
        });
    }

    @Test
    void eachAcceptedEventsRecordCarriesTheCallersTraceSoTheRelayJoinsIt() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String session = "s-" + UUID.randomUUID();

        given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").contentType(ContentType.JSON)
                .body(Events.batch(List.of(Events.view(session, "tt-3"), Events.view(session, "tt-4"))))
                .when().post("/events")
                .then().statusCode(202);

        List<Topic.Record<InteractionEvent>> records = Topic.read(Topics.INTERACTIONS, InteractionEvent.class,
                e -> session.equals(e.sessionId()), r -> r.size() >= 2);
        assertThat(records).extracting(Topic.Record::traceparent)
                .allSatisfy(t -> assertThat(t).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]")
                        .doesNotContain("00f067aa0ba902b7"));
    }

    @Test
    void aSentTokenThatIsNotValidIsRefusedRatherThanTakenAsAnonymous() {
        for (String token : List.of(TestTokens.expired("u-1"), TestTokens.wrongSignature("u-1"),
                TestTokens.algNone("u-1"), "not-a-jwt")) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Events.views(1, "s-1", "tt"))
                    .when().post("/events")
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void theServiceIsReadyWhileTheBrokerIsReachable() {
        given().when().get(management("/q/health/ready")).then().statusCode(200).body("checks.name", hasItem("kafka"));
    }
}
