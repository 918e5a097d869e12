package io.marquee.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Request bodies for {@code POST /events}, and posting them while the broker comes and goes. */
public final class Events {

    private Events() {
    }

    /** A valid view of {@code itemId} happening now, as JSON. */
    public static Map<String, Object> view(String sessionId, String itemId) {
        return event(UUID.randomUUID().toString(), sessionId, "view", itemId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public static Map<String, Object> event(String eventId, String sessionId, String type, String itemId, Instant at) {
        return new java.util.LinkedHashMap<>(Map.of("eventId", eventId, "sessionId", sessionId, "eventType", type,
                "itemId", itemId, "sentAt", at.toString()));
    }

    public static Map<String, Object> batch(List<Map<String, Object>> events) {
        return Map.of("events", events);
    }

    /** {@code n} valid views in one session, of items {@code prefix-0..n-1}. */
    public static Map<String, Object> views(int n, String sessionId, String itemPrefix) {
        return batch(IntStream.range(0, n).mapToObj(i -> view(sessionId, itemPrefix + "-" + i))
                .collect(Collectors.toList()));
    }

    /**
     * Posts the batch (signed in with {@code token}, or anonymously when it is null) until it is
     * accepted: while the broker is away the service answers 503, which the client retries; any
     * other answer fails the test.
     */
    public static void postUntilAccepted(String token, List<Map<String, Object>> events) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var request = given().contentType(ContentType.JSON).body(batch(events));
            if (token != null) {
                request = request.auth().oauth2(token);
            }
            int status = request.when().post("/events").then().extract().statusCode();
            assertThat(status).isIn(202, 503);
            return status == 202;
        });
    }
}
