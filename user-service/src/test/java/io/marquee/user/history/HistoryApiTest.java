package io.marquee.user.history;

import static io.marquee.user.Api.bearer;
import static io.marquee.user.Api.email;
import static io.marquee.user.Api.loginOk;
import static io.marquee.user.Api.signupOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.Topics;
import io.marquee.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /me/history} built from the {@code interactions} topic of a real Kafka broker: events
 * are produced here with a plain producer, as event-ingest and rating-service will.
 */
@QuarkusTest
class HistoryApiTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private static KafkaProducer<String, String> producer;

    @jakarta.inject.Inject
    io.marquee.user.history.repository.HistoryRepository histories;

    @jakarta.inject.Inject
    MeterRegistry metrics;

    @BeforeAll
    static void connect() {
        // The harness writes interactions as the services that own that topic would.
        Map<String, Object> props = TestKafka.harnessProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    private record User(String id, String token) {
    }

    private static User newUser(String label) {
        String email = email(label);
        String id = signupOk(email);
        return new User(id, loginOk(email).getString("accessToken"));
    }

    private static InteractionEvent event(String userId, String itemId, String type, Double value, Instant at) {
        return InteractionEvent.of(UUID.randomUUID().toString(), userId, "session-1", itemId, type, value, at);
    }

    private static void send(InteractionEvent... events) throws Exception {
        for (InteractionEvent event : events) {
            send(event.userId(), JSON.writeValueAsString(event));
        }
    }

    private static void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.INTERACTIONS, key, value)).get();
    }

    private static JsonPath history(User user) {
        return bearer(user.token()).get("/me/history").then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the history's newest viewed item is {@code itemId}: the marker that all before it was read. */
    private static JsonPath awaitNewestViewed(User user, String itemId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<String> viewed = history(user).getList("viewed.itemId");
            return !viewed.isEmpty() && viewed.get(0).equals(itemId);
        });
        return history(user);
    }

    @Test
    void aNewUserHasAnEmptyHistory() {
        JsonPath history = history(newUser("fresh"));
        assertThat(history.getList("viewed")).isEmpty();
        assertThat(history.getList("rated")).isEmpty();
    }

    @Test
    void viewsClicksAndWatchesBecomeTheViewedListNewestFirstOneEntryPerItem() throws Exception {
        User user = newUser("viewer");
        send(event(user.id(), "m-1", "view", null, T0),
                event(user.id(), "m-2", "click", null, T0.plusSeconds(10)),
                event(user.id(), "m-1", "watch", null, T0.plusSeconds(20)),
                event(user.id(), "m-3", "view", null, T0.plusSeconds(5)),
                event(user.id(), "m-9", "rate", 4.5, T0.plusSeconds(30)),
                event(user.id(), "m-4", "purchase", null, T0.plusSeconds(40)),
                event(user.id(), "m-last", "view", null, T0.plusSeconds(60)));
        JsonPath history = awaitNewestViewed(user, "m-last");
        assertThat(history.getList("viewed.itemId")).containsExactly("m-last", "m-1", "m-2", "m-3");
        assertThat(history.getList("viewed.at")).first().isEqualTo(T0.plusSeconds(60).toString());
        assertThat(history.getString("viewed[1].at")).isEqualTo(T0.plusSeconds(20).toString());
        assertThat(history.getList("rated.itemId")).containsExactly("m-9");
        assertThat(history.getDouble("rated[0].rating")).isEqualTo(4.5);
        assertThat(history.getString("rated[0].at")).isEqualTo(T0.plusSeconds(30).toString());
        assertThat(history.getMap("rated[0]")).doesNotContainKey("eventId");
    }

    @Test
    void onlyTheNewestFiftyOfEachAreKeptWhateverTheArrivalOrder() throws Exception {
        User user = newUser("binge");
        List<InteractionEvent> events = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            events.add(event(user.id(), "v-" + i, "view", null, T0.plusSeconds(i)));
            events.add(event(user.id(), "r-" + i, "rate", (double) (i % 10 + 1) / 2, T0.plusSeconds(i)));
        }
        Collections.shuffle(events, new Random(42));
        send(events.toArray(InteractionEvent[]::new));
        send(event(user.id(), "v-marker", "view", null, T0.plusSeconds(1000)));

        JsonPath history = awaitNewestViewed(user, "v-marker");
        List<String> expectedViewed = new ArrayList<>(List.of("v-marker"));
        for (int i = 69; expectedViewed.size() < 50; i--) {
            expectedViewed.add("v-" + i);
        }
        assertThat(history.getList("viewed.itemId")).containsExactlyElementsOf(expectedViewed);
        List<String> expectedRated = new ArrayList<>();
        for (int i = 69; i >= 20; i--) {
            expectedRated.add("r-" + i);
        }
        assertThat(history.getList("rated.itemId")).containsExactlyElementsOf(expectedRated);
    }

    @Test
    void redeliveredAndOutOfOrderEventsChangeNothing() throws Exception {
        User user = newUser("redelivered");
        InteractionEvent newerRating = event(user.id(), "film", "rate", 2.0, T0.plusSeconds(100));
        InteractionEvent olderRating = event(user.id(), "film", "rate", 5.0, T0);
        InteractionEvent view = event(user.id(), "film", "view", null, T0.plusSeconds(50));
        send(newerRating, view, olderRating, newerRating, view, olderRating);
        send(event(user.id(), "marker-1", "view", null, T0.plusSeconds(200)));
        JsonPath history = awaitNewestViewed(user, "marker-1");
        assertThat(history.getList("viewed.itemId")).containsExactly("marker-1", "film");
        assertThat(history.getString("viewed[1].at")).isEqualTo(T0.plusSeconds(50).toString());
        assertThat(history.getList("rated.itemId")).containsExactly("film");
        assertThat(history.getDouble("rated[0].rating")).isEqualTo(2.0);
    }

    @Test
    void brokenEventsAreSkippedAndTheConsumerCarriesOn() throws Exception {
        User user = newUser("robust");
        send(user.id(), "this is not json");
        send(user.id(), "{\"eventId\":\"e1\",\"userId\":\"" + user.id() + "\",\"eventType\":\"view\"}");
        send(user.id(), "{\"eventId\":\"e2\",\"userId\":\"" + user.id() + "\",\"itemId\":\"no-rating\","
                + "\"eventType\":\"rate\",\"sentAt\":\"2026-01-01T12:00:00Z\"}");
        send(user.id(), "{\"eventId\":\"e3\",\"userId\":\"" + user.id() + "\",\"itemId\":\"bad-time\","
                + "\"eventType\":\"view\",\"sentAt\":\"yesterday\"}");
        send(user.id(), "{\"eventId\":\"e4\",\"userId\":\"" + user.id() + "\",\"itemId\":\"" + "x".repeat(300)
                + "\",\"eventType\":\"view\",\"sentAt\":\"2026-01-01T12:00:00Z\"}");
        // A field this consumer does not know yet is fine: events are facts, read leniently.
        send(user.id(), "{\"eventId\":\"e5\",\"userId\":\"" + user.id() + "\",\"itemId\":\"after\","
                + "\"eventType\":\"view\",\"sentAt\":\"2026-01-01T12:00:01Z\",\"futureField\":{\"a\":1}}");
        JsonPath history = awaitNewestViewed(user, "after");
        assertThat(history.getList("viewed.itemId")).containsExactly("after");
        assertThat(history.getList("rated")).isEmpty();
    }

    @Test
    void forgedEventsCannotPinOrPlantEntries() throws Exception {
        User user = newUser("forged-at");
        // A view dated next year would stay the newest entry for a year; a rating off the scale and
        // an item id the catalog could never hold are not the catalog's or rating-service's events.
        send(event(user.id(), "pinned", "view", null, Instant.now().plus(Duration.ofDays(365))),
                event(user.id(), "off-scale", "rate", 1e9, T0),
                event(user.id(), "half-off", "rate", 4.25, T0),
                event(user.id(), "<script>", "view", null, T0));
        send(event(user.id(), "marker-forged", "view", null, Instant.now()));
        JsonPath history = awaitNewestViewed(user, "marker-forged");
        assertThat(history.getList("viewed.itemId")).containsExactly("marker-forged");
        assertThat(history.getList("rated")).isEmpty();
    }

    @Test
    void eventsOfIdsWithoutAnAccountKeepNoHistory() throws Exception {
        User user = newUser("beside-a-ghost");
        String ghost = "imported-" + UUID.randomUUID();
        // Same key, so the ghost's event is consumed before the marker that the test waits for.
        send(user.id(), JSON.writeValueAsString(event(ghost, "ghost-film", "view", null, T0)));
        send(event(user.id(), "marker-ghost", "view", null, T0));
        awaitNewestViewed(user, "marker-ghost");
        assertThat(histories.find(ghost).version()).as("no history row for an id without an account").isZero();
    }

    @Test
    void aPollMixingAnonymousBrokenAndAccountRecordsRecordsTheAccountsInOrderAndTheConsumerGoesOn() throws Exception {
        User user = newUser("batch");
        String anonymous = "anonymous:session-batch";
        Map<String, Double> before = outcomes();
        // One partition, sent without waiting and flushed together, so the consumer reads them in one
        // poll (typically; the outcome must be the same however the polls fall).
        int partition = 0;
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        sent.add(sendAsync(partition, user.id(), event(user.id(), "b-1", "view", null, T0.plusSeconds(10))));
        // An anonymous visitor's record is dropped by its key, unread: even one whose value names the
        // account, even one that is not JSON at all.
        sent.add(sendAsync(partition, anonymous, event(user.id(), "named-by-anonymous", "view", null, T0.plusSeconds(20))));
        sent.add(sendAsync(partition, anonymous, "not json either"));
        sent.add(sendAsync(partition, user.id(), "this is not json"));
        // An older view of b-1 changes nothing if, and only if, it is applied after the newer one.
        sent.add(sendAsync(partition, user.id(), event(user.id(), "b-1", "view", null, T0)));
        sent.add(sendAsync(partition, user.id(), event(user.id(), "b-2", "rate", 4.0, T0.plusSeconds(5))));
        sent.add(sendAsync(partition, user.id(), event(user.id(), "b-3", "view", null, T0.plusSeconds(15))));
        producer.flush();
        for (Future<RecordMetadata> ack : sent) {
            ack.get(30, TimeUnit.SECONDS);
        }
        // A later poll is consumed as well.
        sendAsync(partition, user.id(), event(user.id(), "b-later", "view", null, T0.plusSeconds(30))).get(30, TimeUnit.SECONDS);

        JsonPath history = awaitNewestViewed(user, "b-later");
        assertThat(history.getList("viewed.itemId")).containsExactly("b-later", "b-3", "b-1");
        assertThat(history.getString("viewed[2].at")).isEqualTo(T0.plusSeconds(10).toString());
        assertThat(history.getList("rated.itemId")).containsExactly("b-2");
        assertThat(histories.find(user.id()).version()).as("one write per event that changed the history: "
                + "b-1, b-2, b-3, b-later").isEqualTo(4);
        Map<String, Double> after = outcomes();
        assertThat(after.get("recorded") - before.get("recorded")).isEqualTo(4.0);
        assertThat(after.get("unchanged") - before.get("unchanged")).as("the older view of b-1, applied after the newer")
                .isEqualTo(1.0);
        assertThat(after.get("anonymous") - before.get("anonymous")).isEqualTo(2.0);
        assertThat(after.get("skipped") - before.get("skipped")).as("the unreadable record").isEqualTo(1.0);
    }

    @Test
    void anonymousVisitorsEventsKeepNoHistoryAndCostNoAccountLookup() throws Exception {
        User user = newUser("beside-a-visitor");
        String visitor = "anonymous:" + UUID.randomUUID();
        Map<String, Double> before = outcomes();
        // Keyed by the user, so it is consumed before the marker; its userId names a visitor (as no
        // producer of ours writes it) and is still not looked up as an account.
        send(user.id(), JSON.writeValueAsString(event(visitor, "visitor-film", "view", null, T0)));
        send(event(user.id(), "marker-visitor", "view", null, T0));
        awaitNewestViewed(user, "marker-visitor");
        Map<String, Double> after = outcomes();
        assertThat(after.get("anonymous") - before.get("anonymous")).isEqualTo(1.0);
        assertThat(after.get("no-account") - before.get("no-account")).isZero();
        assertThat(histories.find(visitor).version()).isZero();
    }

    private static Future<RecordMetadata> sendAsync(int partition, String key, InteractionEvent event) throws Exception {
        return sendAsync(partition, key, JSON.writeValueAsString(event));
    }

    private static Future<RecordMetadata> sendAsync(int partition, String key, String value) {
        return producer.send(new ProducerRecord<>(Topics.INTERACTIONS, partition, key, value));
    }

    /** {@code users.history.events} by outcome, as counted so far. */
    private Map<String, Double> outcomes() {
        Map<String, Double> counts = new java.util.HashMap<>();
        for (String outcome : List.of("recorded", "unchanged", "skipped", "no-account", "anonymous")) {
            counts.put(outcome, metrics.counter("users.history.events", "outcome", outcome).count());
        }
        return counts;
    }

    @Test
    void eachUserSeesOnlyTheirOwnHistory() throws Exception {
        User alice = newUser("alice-h");
        User bob = newUser("bob-h");
        send(event(alice.id(), "alice-film", "view", null, T0), event(bob.id(), "bob-film", "view", null, T0));
        awaitNewestViewed(alice, "alice-film");
        JsonPath bobs = awaitNewestViewed(bob, "bob-film");
        assertThat(bobs.getList("viewed.itemId")).containsExactly("bob-film");
        assertThat(history(alice).getList("viewed.itemId")).containsExactly("alice-film");
    }
}
