package io.marquee.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every way a batch can be wrong answers 400 problem+json naming each problem; nothing is published. */
@QuarkusTest
class BadInputTest {

    private static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/events")
                .then().contentType("application/problem+json");
    }

    @Test
    void malformedJsonSaysWhere() {
        post("{\"events\": [").statusCode(400);
        post("not json").statusCode(400).body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("line 1"));
        post("{\"events\": []} trailing").statusCode(400);
    }

    @Test
    void aBodyThatIsNotJsonOrNotAnObjectIsRefused() {
        given().contentType(ContentType.TEXT).body("events").when().post("/events")
                .then().statusCode(415).contentType("application/problem+json");
        post("[]").statusCode(400);
        post("{}").statusCode(400).body("errors.field", hasItems("events"));
        post("{\"events\": null}").statusCode(400).body("errors.field", hasItems("events"));
    }

    @Test
    void everyMissingFieldOfEveryEventIsNamedWithItsIndex() {
        Map<String, Object> good = Events.view("s-1", "tt-1");
        Map<String, Object> empty = new HashMap<>();
        post(Events.batch(List.of(good, empty))).statusCode(400)
                .body("errors.field", hasItems("events[1].eventId", "events[1].sessionId", "events[1].eventType",
                        "events[1].itemId", "events[1].sentAt"));
    }

    @Test
    void batchesOfNoneOrMoreThanAHundredEventsAreRefused() {
        post(Events.views(101, "s-1", "tt")).statusCode(400)
                .body("errors[0].field", equalTo("events")).body("errors[0].message", containsString("101"));
        post(Events.batch(List.of())).statusCode(400).body("errors[0].field", equalTo("events"));
        given().contentType(ContentType.JSON).body(Events.views(100, "s-" + UUID.randomUUID(), "tt"))
                .when().post("/events").then().statusCode(202);
    }

    @Test
    void wrongTypesAndUnknownFieldsAreNamed() {
        Map<String, Object> event = Events.view("s-1", "tt-1");
        event.put("eventValue", "five");
        post(Events.batch(List.of(event))).statusCode(400).body("errors[0].field", equalTo("events[0].eventValue"));

        event = Events.view("s-1", "tt-1");
        event.put("properties", Map.of("n", 5));
        post(Events.batch(List.of(event))).statusCode(400).body("errors[0].field", containsString("events[0].properties"));

        event = Events.view("s-1", "tt-1");
        event.put("color", "red");
        post(Events.batch(List.of(event))).statusCode(400).body("errors[0].field", equalTo("events[0].color"));
    }

    @Test
    void hostileIdsAreRefused() {
        List<String> hostile = List.of("", " ", "a\nb", "../../etc/passwd", "tt-1\"}", "<script>", "a".repeat(300),
                "tt\u0000", "ﬁlm-1");
        for (String id : hostile) {
            Map<String, Object> event = Events.view("s-1", "tt-1");
            event.put("itemId", id);
            event.put("eventId", id);
            event.put("sessionId", id);
            post(Events.batch(List.of(event))).statusCode(400)
                    .body("errors.field", hasItems("events[0].itemId", "events[0].eventId", "events[0].sessionId"));
        }
    }

    @Test
    void personalizesLimitsApply() {
        Map<String, Object> event = Events.view("s-1", "tt-1");
        event.put("recommendationId", "r".repeat(41));
        event.put("impression", java.util.stream.IntStream.range(0, 26).mapToObj(i -> "tt-" + i).toList());
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            props.put("p" + i, "x".repeat(120));
        }
        event.put("properties", props);
        post(Events.batch(List.of(event))).statusCode(400)
                .body("errors.field", hasItems("events[0].recommendationId", "events[0].impression",
                        "events[0].properties"));

        Map<String, Object> reserved = Events.view("s-1", "tt-1");
        reserved.put("properties", Map.of("UserId", "victim"));
        post(Events.batch(List.of(reserved))).statusCode(400)
                .body("errors[0].field", equalTo("events[0].properties.UserId"))
                .body("errors[0].message", containsString("reserved"));
    }

    /**
     * {@code page} and property values are text that people read back (session analytics' entry and
     * exit pages, the tracker's properties): common's SafeText rule holds for them as for names and
     * reviews, so a bidirectional override or an invisible character is refused with the event's index.
     */
    @Test
    void pagesAndPropertiesFollowTheSafeTextRuleWithTheEventsIndex() {
        List<String> hostile = List.of("/movies/\u202Egnp.exe", "/movies/tt-1\u200B", "/home\u2066x\u2069",
                "/a\u00ADb", "/x\uFEFF", "/line\u2028break", "/tab\tbed");
        for (String text : hostile) {
            Map<String, Object> good = Events.view("s-1", "tt-1");
            Map<String, Object> bad = Events.view("s-1", "tt-2");
            bad.put("page", text);
            bad.put("properties", Map.of("genre", text));
            bad.put("device", "web\u200B");
            post(Events.batch(List.of(good, bad))).statusCode(400)
                    .body("errors.field", hasItems("events[1].page", "events[1].properties.genre", "events[1].device"))
                    .body("errors.field", org.hamcrest.Matchers.not(hasItems("events[0].page")));
        }
        // Every script, emoji and the joiners emoji sequences need stay welcome.
        Map<String, Object> fine = Events.view("s-1", "tt-1");
        fine.put("page", "/films/Amélie/\u0627\u0644\u0641\u064A\u0644\u0645/\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67");
        fine.put("properties", Map.of("title", "\u6C88\u9ED8\u306E\u7F8A\u305F\u3061 \uD83D\uDC11"));
        given().contentType(ContentType.JSON).body(Events.batch(List.of(fine))).when().post("/events")
                .then().statusCode(202);
    }

    @Test
    void timesOutsideTheAcceptedRangeOrUnreadableAreRefused() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String at : List.of("yesterday", "2026-13-01T00:00:00Z", "1700000000",
                Instant.now().plus(1, ChronoUnit.DAYS).toString(), "1970-01-01T00:00:00Z")) {
            Map<String, Object> e = Events.view("s-1", "tt-1");
            e.put("sentAt", at);
            events.add(e);
        }
        post(Events.batch(events)).statusCode(400).body("errors.field", hasItems("events[0].sentAt",
                "events[1].sentAt", "events[2].sentAt", "events[3].sentAt", "events[4].sentAt"));
    }

    @Test
    void anEventIdTwiceInOneBatchIsRefused() {
        Map<String, Object> a = Events.view("s-1", "tt-1");
        Map<String, Object> b = Events.view("s-1", "tt-2");
        b.put("eventId", a.get("eventId"));
        post(Events.batch(List.of(a, b))).statusCode(400).body("errors[0].field", equalTo("events[1].eventId"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        String huge = "{\"events\":[" + "\"" + "x".repeat(1_100_000) + "\"]}";
        given().contentType(ContentType.JSON).body(huge).when().post("/events").then().statusCode(413);
    }
}
