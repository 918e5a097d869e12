package io.marquee.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.marquee.testsupport.JwtKeysResource;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** The clickstream and sessions routes relayed to a real HTTP peer playing event-ingest-service. */
@QuarkusTest
@WithTestResource(FakeServices.class)
@WithTestResource(JwtKeysResource.class)
class IngestRelayTest {

    private static final String BATCH = "{\"events\":[{\"eventId\":\"e-1\",\"sessionId\":\"s-1\",\"eventType\":\"view\","
            + "\"itemId\":\"1\",\"sentAt\":\"2026-12-06T08:00:00Z\"}]}";

    @Test
    void anonymousEventsAreRelayedByteForByteWithoutAToken() {
        given().header("X-Request-Id", "ev-1").contentType("application/json").body(BATCH)
                .post("/api/v1/events")
                .then().statusCode(202).body("accepted", equalTo(1));
        JsonPath seen = Fakes.last(Fakes.INGEST);
        assertThat(seen.getString("path")).isEqualTo("/events");
        assertThat(seen.getString("body")).isEqualTo(BATCH);
        assertThat(seen.getString("authorization")).isEmpty();
        assertThat(seen.getString("requestId")).isEqualTo("ev-1");
    }

    @Test
    void aSignedInUsersTokenIsPassedOnSoTheServiceKnowsWhoseEventsTheyAre() {
        String bearer = TestTokens.bearer(TestTokens.user("clicker-1"));
        given().header("Authorization", bearer).contentType("application/json").body(BATCH)
                .post("/api/v1/events").then().statusCode(202);
        assertThat(Fakes.last(Fakes.INGEST).getString("authorization")).isEqualTo(bearer);
    }

    @Test
    void theServicesProblemsAreRelayedWithThePublicPathAndRetryAfter() {
        given().contentType("application/json").body("{\"events\": [").post("/api/v1/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("instance", equalTo("/api/v1/events"));
        given().contentType("application/json").body("{\"events\":[{\"itemId\":\"broker-down\"}]}")
                .post("/api/v1/events")
                .then().statusCode(503).header("Retry-After", "5");
        given().contentType("text/plain").body("x").post("/api/v1/events").then().statusCode(415);
    }

    @Test
    void mySessionsNeedATokenAndCarryIt() {
        given().get("/api/v1/me/sessions").then().statusCode(401);
        String bearer = TestTokens.bearer(TestTokens.user("u-7"));
        given().header("Authorization", bearer).queryParam("limit", "5").get("/api/v1/me/sessions")
                .then().statusCode(200).body("items[0].sessionId", equalTo("s-1"));
        JsonPath seen = Fakes.last(Fakes.INGEST);
        assertThat(seen.getString("path")).isEqualTo("/me/sessions");
        assertThat(seen.getString("query")).isEqualTo("limit=5");
        assertThat(seen.getString("authorization")).isEqualTo(bearer);
        given().header("Authorization", bearer).queryParam("limit", "many").get("/api/v1/me/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void analyticsAreForAdminsOnlyAndTakeDays() {
        given().header("Authorization", TestTokens.bearer(TestTokens.user("u-7")))
                .get("/api/v1/admin/sessions/analytics").then().statusCode(403);
        String admin = TestTokens.bearer(TestTokens.admin("a-1"));
        given().header("Authorization", admin).queryParam("from", "2026-12-01").queryParam("to", "2026-12-06")
                .get("/api/v1/admin/sessions/analytics")
                .then().statusCode(200).body("sessions", equalTo(7));
        assertThat(Fakes.last(Fakes.INGEST).getString("query").split("&"))
                .containsExactlyInAnyOrder("from=2026-12-01", "to=2026-12-06");
        given().header("Authorization", admin).queryParam("from", "last week")
                .get("/api/v1/admin/sessions/analytics")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void whenTheServiceIsDownEventsAnswer503() {
        Fakes.down(Fakes.INGEST);
        try {
            given().contentType("application/json").body(BATCH).post("/api/v1/events")
                    .then().statusCode(503).contentType("application/problem+json");
        } finally {
            Fakes.up(Fakes.INGEST);
        }
    }
}
