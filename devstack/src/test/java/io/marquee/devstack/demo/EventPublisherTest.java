package io.marquee.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.RatingEvent;
import io.marquee.common.events.Topics;
import io.marquee.devstack.data.Interaction;
import io.marquee.devstack.engine.KafkaEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo history reaches Kafka as the services' own event records, ratings with their previous value. */
class EventPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @TempDir
    Path dir;

    @Test
    void historyIsPublishedAsInteractionsAndRatingChangesThatAddUpExactly() throws Exception {
        List<Interaction> history = List.of(
                new Interaction("u1", "10", 1_000, Interaction.VIEW, null, "s1"),
                new Interaction("u1", "10", 1_010, Interaction.RATE, 4.0, "s1"),
                new Interaction("u2", "10", 1_020, Interaction.RATE, 2.5, null),
                new Interaction("u1", "10", 2_000, Interaction.RATE, 5.0, "s2"));
        try (KafkaEngine kafka = KafkaEngine.start(0, 0, dir)) {
            kafka.createTopics(Topics.ALL);
            EventPublisher publisher = new EventPublisher(kafka.bootstrapServers(), new PrintStream(new ByteArrayOutputStream()));

            EventPublisher.Published published = publisher.publish("test:1", history);

            assertThat(published).isEqualTo(new EventPublisher.Published(4, 3));
            List<InteractionEvent> interactions = read(kafka, Topics.INTERACTIONS, 4, InteractionEvent.class,
                    java.util.Comparator.comparing(InteractionEvent::sentAt));
            List<RatingEvent> ratings = read(kafka, Topics.RATINGS, 3, RatingEvent.class,
                    java.util.Comparator.comparing(RatingEvent::occurredAt));

            assertThat(interactions).extracting(InteractionEvent::eventType).containsExactly("view", "rate", "rate", "rate");
            assertThat(interactions.get(0).sentAt()).isEqualTo(Instant.ofEpochSecond(1_000));
            assertThat(interactions.get(0).sessionId()).isEqualTo("s1");
            assertThat(interactions).extracting(InteractionEvent::eventId).doesNotHaveDuplicates();
            // u1 re-rated: the second change carries the first value, so count 2 and sum 7.5 remain.
            RatingEvent rerate = ratings.stream().filter(r -> r.rating() == 5.0).findFirst().orElseThrow();
            assertThat(rerate.previousRating()).isEqualTo(4.0);
            assertThat(ratings.stream().mapToInt(RatingEvent::countDelta).sum()).isEqualTo(2);
            assertThat(ratings.stream().mapToDouble(RatingEvent::sumDelta).sum()).isEqualTo(7.5);
            // Each user's rating changes are numbered in publish order, as rating-service numbers them.
            assertThat(ratings).extracting(RatingEvent::userId).containsExactly("u1", "u2", "u1");
            assertThat(ratings).extracting(RatingEvent::sequence).containsExactly(1L, 1L, 2L);

        }
    }

    @Test
    void aStartInterruptedHalfwayPublishesTheRestOnceAndNothingTwice() throws Exception {
        List<Interaction> history = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            history.add(new Interaction("u" + (i % 7), Integer.toString(10 + i % 5), 1_000 + i,
                    i % 3 == 0 ? Interaction.RATE : Interaction.VIEW, i % 3 == 0 ? 0.5 + (i % 10) * 0.5 : null, null));
        }
        long ratingCount = history.stream().filter(Interaction::isRating).count();
        try (KafkaEngine kafka = KafkaEngine.start(0, 0, dir)) {
            kafka.createTopics(Topics.ALL);
            EventPublisher publisher = new EventPublisher(kafka.bootstrapServers(), new PrintStream(new ByteArrayOutputStream()));
            // The first start is interrupted after 25 events were acknowledged...
            EventPublisher.Published first = publisher.publish("test:2", history.subList(0, 25));
            // ...and the next start publishes the whole dataset again.
            EventPublisher.Published rest = publisher.publish("test:2", history);

            assertThat(first.interactions() + rest.interactions()).isEqualTo(40);
            assertThat((long) first.ratings() + rest.ratings()).isEqualTo(ratingCount);
            List<InteractionEvent> interactions = read(kafka, Topics.INTERACTIONS, 40, InteractionEvent.class,
                    java.util.Comparator.comparing(InteractionEvent::sentAt));
            assertThat(interactions).hasSize(40).extracting(InteractionEvent::eventId).doesNotHaveDuplicates();
            List<RatingEvent> ratings = read(kafka, Topics.RATINGS, (int) ratingCount, RatingEvent.class,
                    java.util.Comparator.comparing(RatingEvent::occurredAt));
            assertThat(ratings).hasSize((int) ratingCount).extracting(RatingEvent::eventId).doesNotHaveDuplicates();
            // The numbers after the interruption continue those before it, user by user.
            for (String user : List.of("u0", "u3", "u6")) {
                assertThat(ratings.stream().filter(r -> r.userId().equals(user)).map(RatingEvent::sequence).toList())
                        .isEqualTo(java.util.stream.LongStream.rangeClosed(1,
                                ratings.stream().filter(r -> r.userId().equals(user)).count()).boxed().toList());
            }
            // A third publish finds everything there and sends nothing.
            assertThat(publisher.publish("test:2", history)).isEqualTo(new EventPublisher.Published(0, 0));
        }
    }

    @Test
    void republishingTheSameDatasetReusesTheEventIds() {
        assertThat(EventPublisher.eventId("demo:seed=1", "i", 7)).isEqualTo(EventPublisher.eventId("demo:seed=1", "i", 7));
        assertThat(EventPublisher.eventId("demo:seed=1", "i", 7)).isNotEqualTo(EventPublisher.eventId("demo:seed=2", "i", 7));
        assertThat(EventPublisher.eventId("demo:seed=1", "i", 7)).isNotEqualTo(EventPublisher.eventId("demo:seed=1", "r", 7));
    }

    private static <T> List<T> read(KafkaEngine kafka, String topic, int expected, Class<T> type,
            java.util.Comparator<T> order) throws Exception {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "publisher-test-" + topic + "-" + java.util.UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(java.time.Duration.ofMillis(200)).forEach(records::add);
            }
        }
        List<T> values = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            values.add(JSON.readValue(r.value(), type));
        }
        // Order across partitions (users) is not defined; within one user it is, which consumers rely on.
        values.sort(order);
        return values;
    }
}
