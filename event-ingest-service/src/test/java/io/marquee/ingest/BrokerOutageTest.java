package io.marquee.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.Topics;
import io.marquee.testsupport.Management;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** While the broker is unreachable nothing is answered 202, and the service says it is not ready. */
@QuarkusTest
class BrokerOutageTest {

    /** /q/health and /q/metrics answer on the management interface, not the API port. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private String management(String path) {
        return Management.url(managementRoot, path);
    }

    @Test
    void whileTheBrokerIsDownBatchesAre503WithRetryAfterAndTheServiceIsNotReadyThenItRecovers() {
        String session = "s-" + UUID.randomUUID();
        RestartableKafka.stopBroker();
        try {
            given().contentType(ContentType.JSON).body(Events.views(3, session, "down"))
                    .when().post("/events")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue());
            given().when().get(management("/q/health/ready")).then().statusCode(503);
        } finally {
            RestartableKafka.startBroker();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get(management("/q/health/ready")).then().statusCode(200));
        Map<String, Object> batch = Events.views(3, session, "up");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().contentType(ContentType.JSON).body(batch).when().post("/events").then().statusCode(202));

        List<Topic.Record<InteractionEvent>> records = Topic.read(Topics.INTERACTIONS, InteractionEvent.class,
                e -> session.equals(e.sessionId()), r -> r.size() >= 3);
        assertThat(records).extracting(r -> r.value().itemId()).allMatch(id -> id.startsWith("up-"));
    }
}
