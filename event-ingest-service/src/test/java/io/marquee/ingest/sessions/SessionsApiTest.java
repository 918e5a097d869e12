package io.marquee.ingest.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.marquee.ingest.Events;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sessions on the real broker: events through the API close into a session (test gap: 5 s) that
 * its user sees and the analytics count, with no later traffic to move the stream's time on. The events lie a few seconds back, inside the gap of the
 * stream time other tests' events (at most "now") have set, so none is dropped as too late.
 */
@QuarkusTest
class SessionsApiTest {

    @Test
    void aClosedSessionIsMineAndCountedInTheAnalytics() {
        String user = "u-" + UUID.randomUUID();
        String session = "s-" + UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> home = Events.event(UUID.randomUUID().toString(), session, "view", "tt-a", t0);
        home.put("page", "/home");
        Map<String, Object> movie = Events.event(UUID.randomUUID().toString(), session, "view", "tt-b", t0.plusMillis(1000));
        movie.put("page", "/movies/tt-b");
        Map<String, Object> rate = Events.event(UUID.randomUUID().toString(), session, "rate", "tt-b", t0.plusMillis(1500));
        rate.put("page", "/movies/tt-b");
        rate.put("eventValue", 4.0);
        given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                .body(Events.batch(List.of(home, movie, rate))).post("/events").then().statusCode(202);

        // Nothing arrives afterwards: the session still closes, its gap having passed on the wall clock.
        String token = TestTokens.user(user);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(token).get("/me/sessions").then().statusCode(200)
                        .body("items.size()", equalTo(1)));
        JsonPath mine = given().auth().oauth2(token).get("/me/sessions").then().extract().jsonPath();
        assertThat(mine.getString("items[0].sessionId")).isEqualTo(session);
        assertThat(mine.getInt("items[0].events")).isEqualTo(3);
        assertThat(mine.getString("items[0].entryPage")).isEqualTo("/home");
        assertThat(mine.getString("items[0].exitPage")).isEqualTo("/movies/tt-b");
        assertThat(mine.getList("items[0].items")).containsExactly("tt-a", "tt-b");
        assertThat(mine.getBoolean("items[0].ratedAfterView")).isTrue();
        given().auth().oauth2(TestTokens.user("somebody-else")).get("/me/sessions").then().statusCode(200)
                .body("items.size()", equalTo(0));

        String day = LocalDate.ofInstant(t0, ZoneOffset.UTC).toString();
        JsonPath analytics = given().auth().oauth2(TestTokens.admin("admin-1")).queryParam("from", day)
                .queryParam("to", day).get("/admin/sessions/analytics").then().statusCode(200).extract().jsonPath();
        assertThat(analytics.getLong("sessions")).isPositive();
        assertThat(((Number) analytics.getMap("sessionsPerDay").get(day)).longValue())
                .isEqualTo(analytics.getLong("sessions"));
        assertThat(analytics.getList("topEntryPages.page")).contains("/home");
        assertThat(analytics.getLong("viewToRate.rated")).isPositive();
        assertThat(analytics.getMap("durationHistogram")).containsKeys("<20s", "20s-1m", ">=60m");
    }

    @Test
    void analyticsRefuseBadRangesAndNonAdmins() {
        String admin = TestTokens.admin("admin-1");
        given().auth().oauth2(admin).queryParam("from", "yesterday").get("/admin/sessions/analytics")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("from"));
        given().auth().oauth2(admin).queryParam("from", "2026-12-06").queryParam("to", "2026-12-01")
                .get("/admin/sessions/analytics").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(admin).queryParam("from", "2020-01-01").queryParam("to", "2026-12-01")
                .get("/admin/sessions/analytics").then().statusCode(400).body("errors[0].message",
                        org.hamcrest.Matchers.containsString("92"));
        given().auth().oauth2(TestTokens.user("u-1")).get("/admin/sessions/analytics").then().statusCode(403);
        given().get("/admin/sessions/analytics").then().statusCode(401);
    }

    @Test
    void mySessionsNeedATokenAndASaneLimit() {
        given().get("/me/sessions").then().statusCode(401).contentType("application/problem+json");
        for (String limit : List.of("0", "101", "ten", "99999999999999")) {
            given().auth().oauth2(TestTokens.user("u-1")).queryParam("limit", limit).get("/me/sessions")
                    .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        }
    }
}
