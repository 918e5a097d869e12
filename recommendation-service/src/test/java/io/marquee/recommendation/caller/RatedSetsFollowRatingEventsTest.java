package io.marquee.recommendation.caller;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.events.RatingEvent;
import io.marquee.common.events.Topics;
import io.marquee.recommendation.Neighbours;
import io.marquee.testsupport.TestKafka;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callers' rated titles are kept per replica and follow the {@code ratings} topic of a real broker
 * (SCRAM, this service's ACLs): rating-service (the stand-in) is read once per change, not per
 * answer, and a rating event makes the next answer see the change.
 */
@QuarkusTest
class RatedSetsFollowRatingEventsTest {

    private static final Duration EVENT_ARRIVES = Duration.ofSeconds(15);
    private static KafkaProducer<String, String> producer;

    @Inject
    RatedSets sets;
    @Inject
    ObjectMapper json;

    @BeforeAll
    static void producer() {
        Map<String, Object> props = TestKafka.harnessProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    @AfterAll
    static void close() {
        producer.close(Duration.ofSeconds(5));
    }

    @BeforeEach
    void feedIsPositioned() {
        await().atMost(EVENT_ARRIVES).until(sets::live);
    }

    @Test
    void aKeptSetAnswersUntilTheCallersRatingEventThenTheNewlyRatedTitleIsLeftOut() {
        String user = "kept-1";
        Neighbours.rate(user, List.of("t01"));
        List<String> first = forYou(user);
        assertThat(first).doesNotContain("t01");
        String next = first.get(0);

        // rating-service has the new rating, but its event has not come: the kept set still answers.
        Neighbours.rate(user, List.of(next, "t01"));
        int reads = Neighbours.ratingReads(user);
        assertThat(forYou(user)).contains(next);
        assertThat(forYou(user)).contains(next);
        assertThat(Neighbours.ratingReads(user)).as("reads of rating-service").isEqualTo(reads);

        publish(user, next, 4.0, null, 2);
        await().atMost(EVENT_ARRIVES).untilAsserted(() -> assertThat(forYou(user)).doesNotContain(next, "t01"));
        assertThat(Neighbours.ratingReads(user)).isEqualTo(reads + 1);
    }

    @Test
    void aDeletedRatingIsOfferedAgainOnceItsEventArrived() {
        String user = "kept-2";
        String top = forYou(user).get(0);

        Neighbours.rate(user, List.of(top));
        publish(user, top, 3.5, null, 1);
        await().atMost(EVENT_ARRIVES).untilAsserted(() -> assertThat(forYou(user)).doesNotContain(top));

        Neighbours.rate(user, List.of());
        publish(user, top, null, 3.5, 2);
        await().atMost(EVENT_ARRIVES).untilAsserted(() -> assertThat(forYou(user)).contains(top));
    }

    @Test
    void aReadInFlightWhenTheCallersEventArrivesIsNotKept() throws Exception {
        String user = "kept-3";
        Neighbours.rate(user, List.of("t01"));
        String top = forYou(user).get(0);
        // Drop the kept set so the next answer reads rating-service.
        publish(user, "t01", 4.5, 4.0, 2);
        await().atMost(EVENT_ARRIVES).until(() -> sets.kept(user) == null);

        // The next read of rating-service sees {t01} and is held there, its ticket taken ...
        Neighbours.holdRatings(user);
        CompletableFuture<List<String>> inFlight = CompletableFuture.supplyAsync(() -> forYou(user));
        Neighbours.awaitHeldRead(user);
        // ... while the caller rates the top title and its event arrives.
        long generation = sets.ticket(user).generation();
        Neighbours.rate(user, List.of(top, "t01"));
        publish(user, top, 5.0, null, 3);
        await().atMost(EVENT_ARRIVES).until(() -> sets.ticket(user).generation() != generation);
        Neighbours.release(user);
        assertThat(inFlight.get(20, TimeUnit.SECONDS)).as("the answer that was in flight").isNotEmpty();

        // The set read before the event was not kept: this answer reads {top, t01} and leaves both out.
        assertThat(forYou(user)).doesNotContain(top, "t01");
        assertThat(sets.kept(user)).containsExactlyInAnyOrder(top, "t01");
    }

    private static List<String> forYou(String user) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .get("/recommendations/for-you?limit=10")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    private void publish(String user, String item, Double rating, Double previous, long sequence) {
        RatingEvent event = new RatingEvent(UUID.randomUUID().toString(), user, item, rating, previous, false,
                Instant.now(), sequence);
        try {
            producer.send(new ProducerRecord<>(Topics.RATINGS, user, json.writeValueAsString(event)))
                    .get(10, TimeUnit.SECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish a rating event", e);
        }
    }
}
