package io.marquee.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.Topics;
import io.marquee.ingest.kafka.EventJson;
import io.marquee.ingest.relay.TrackerRelay;
import io.marquee.testsupport.Management;
import io.marquee.testsupport.TestKafka;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A relay that is behind takes several polls as one unit (ingest.relay.max-batch-records), so a
 * session's events go in calls of up to ten even when every poll holds one event per session; the
 * test profile's polls are 20 records, the backlog 20 sessions interleaved.
 */
@QuarkusTest
class RelayBacklogTest {

    private static final int SESSIONS = 20;
    private static final int PER_SESSION = 10;

    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    @Inject
    TrackerRelay relay;

    @Test
    void aBacklogOfInterleavedSessionsGoesInCallsOfSeveralEventsInOrderExactlyOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String user = "u-backlog-" + run;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        relay.stop();
        double callsBefore;
        double retriesBefore;
        try {
            callsBefore = metric("marquee_ingest_tracker_latency_seconds_count");
            retriesBefore = metric("marquee_ingest_relay_retries_total");
            Properties props = new Properties();
            props.putAll(TestKafka.harnessProperties());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
                // One user (one partition), sessions interleaved: a poll of 20 holds one event of each.
                for (int k = 0; k < PER_SESSION; k++) {
                    for (int s = 0; s < SESSIONS; s++) {
                        String session = "backlog-" + run + "-" + s;
                        String item = "ok-" + run + "-s" + s + "-" + k;
                        InteractionEvent event = InteractionEvent.of(UUID.randomUUID().toString(), user, session, item,
                                InteractionEvent.VIEW, null, at.plusMillis(k));
                        producer.send(new ProducerRecord<>(Topics.INTERACTIONS, user, EventJson.write(event))).get();
                        expected.computeIfAbsent(session, x -> new ArrayList<>()).add(item);
                    }
                }
            }
        } finally {
            relay.start();
        }
        List<String> all = expected.values().stream().flatMap(List::stream).toList();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                PersonalizeLocal.recordedItems().keySet().containsAll(all));

        Map<String, List<String>> arrived = new LinkedHashMap<>();
        for (PersonalizeLocal.LogLine line : PersonalizeLocal.recordedInOrder()) {
            if (line.s() != null && line.s().startsWith("backlog-" + run + "-")) {
                arrived.computeIfAbsent(line.s(), x -> new ArrayList<>()).add(line.i());
            }
        }
        assertThat(arrived).as("per session: every event once, in order").isEqualTo(expected);
        // Calls that were not retries: one poll at a time would have made one call per event (200).
        double calls = metric("marquee_ingest_tracker_latency_seconds_count") - callsBefore
                - (metric("marquee_ingest_relay_retries_total") - retriesBefore);
        assertThat(calls).as("calls carried several events each").isLessThanOrEqualTo(SESSIONS * PER_SESSION / 4.0);
    }

    private double metric(String name) {
        String body = given().when().get(Management.url(managementRoot, "/q/metrics")).then().statusCode(200)
                .extract().asString();
        return body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
