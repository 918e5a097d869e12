package io.marquee.rating;

import static io.marquee.rating.Api.delete;
import static io.marquee.rating.Api.fresh;
import static io.marquee.rating.Api.get;
import static io.marquee.rating.Api.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.events.RatingEvent;
import io.marquee.common.kafka.KafkaClients;
import io.marquee.rating.config.RatingsConfig;
import io.marquee.rating.events.EventProducer;
import io.marquee.rating.events.OutboxRelay;
import io.marquee.rating.repository.RatingRepository;
import io.marquee.rating.repository.RatingRow;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Concurrency and delivery: the stored state stays exact under parallel writers, and what is
 * published on {@code ratings} adds up to exactly that state, in order per user, even when a change
 * was left in the outbox.
 */
@QuarkusTest
class ConsistencyTest {

    private static final int USERS = 50;

    @Inject
    RatingRepository repository;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @Inject
    RatingsConfig config;

    @Inject
    KafkaClients kafka;

    @Test
    void fiftyUsersRatingOneTitleInParallelEndWithExactStateAndEventTotals() throws Exception {
        String item = fresh("blockbuster");
        List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(fresh("crowd" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> tasks = new ArrayList<>();
        Map<String, Double> expected = new HashMap<>(); // null: deleted; absent: one of two concurrent values
        Map<String, List<Double>> eitherOf = new HashMap<>();
        for (int i = 0; i < USERS; i++) {
            String user = users.get(i);
            double first = 0.5 + (i % 10) * 0.5;
            double second = 5.5 - first;
            switch (i % 4) {
                case 0 -> { // rates once
                    expected.put(user, first);
                    tasks.add(pool.submit(task(start, () -> rate(user, item, first).statusCode(201))));
                }
                case 1 -> { // rates, then re-rates
                    expected.put(user, second);
                    tasks.add(pool.submit(task(start, () -> {
                        rate(user, item, first).statusCode(201);
                        return rate(user, item, second).statusCode(200);
                    })));
                }
                case 2 -> { // rates, then deletes
                    expected.put(user, null);
                    tasks.add(pool.submit(task(start, () -> {
                        rate(user, item, first).statusCode(201);
                        return delete(user, item).statusCode(204);
                    })));
                }
                default -> { // two PUTs of the same user at the same time
                    eitherOf.put(user, List.of(first, second));
                    tasks.add(pool.submit(task(start, () -> rate(user, item, first).statusCode(
                            org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201))))));
                    tasks.add(pool.submit(task(start, () -> rate(user, item, second).statusCode(
                            org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201))))));
                }
            }
        }
        start.countDown();
        for (Future<?> task : tasks) {
            task.get();
        }
        pool.shutdown();

        // The stored state is exact.
        Map<String, Double> stored = new HashMap<>();
        for (String user : users) {
            var answer = get(user, item).extract();
            stored.put(user, answer.statusCode() == 200 ? answer.jsonPath().getDouble("rating") : null);
        }
        expected.forEach((user, rating) -> assertThat(stored.get(user)).as(user).isEqualTo(rating));
        eitherOf.forEach((user, values) -> assertThat(values).as(user).contains(stored.get(user)));
        long count = stored.values().stream().filter(v -> v != null).count();
        double sum = stored.values().stream().filter(v -> v != null).mapToDouble(Double::doubleValue).sum();

        // The events add up to exactly that state...
        // one event for a single rating; two for rate+re-rate, rate+delete and two concurrent PUTs
        int changes = USERS + (int) users.stream().filter(u -> users.indexOf(u) % 4 != 0).count();
        List<RatingEvent> events = PublishedEvents.ratings(item, published -> published.size() >= changes);
        assertThat(events).hasSize(changes);
        assertThat(events.stream().mapToInt(RatingEvent::countDelta).sum()).isEqualTo((int) count);
        assertThat(events.stream().mapToDouble(RatingEvent::sumDelta).sum()).isEqualTo(sum);

        // ...and each user's events are in order, each one's previous value the one before's rating.
        Map<String, List<RatingEvent>> byUser = events.stream().collect(Collectors.groupingBy(RatingEvent::userId));
        byUser.forEach((user, chain) -> {
            Double before = null;
            for (RatingEvent event : chain) {
                assertThat(event.previousRating()).as(user).isEqualTo(before);
                before = event.rating();
            }
            assertThat(before).as(user).isEqualTo(stored.get(user));
        });
    }

    @Test
    void manyPutsOfOneUserAtOnceChainTheirPreviousValuesExactly() throws Exception {
        String user = fresh("eager");
        String item = fresh("contested");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> tasks = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            double rating = i * 0.5;
            tasks.add(pool.submit(task(start, () -> rate(user, item, rating).statusCode(
                    org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201))))));
        }
        start.countDown();
        for (Future<?> task : tasks) {
            task.get();
        }
        pool.shutdown();

        List<RatingEvent> events = PublishedEvents.ratings(item, published -> published.size() >= 10);
        assertThat(events).hasSize(10);
        Double before = null;
        for (RatingEvent event : events) {
            assertThat(event.previousRating()).isEqualTo(before);
            before = event.rating();
        }
        assertThat(events.stream().mapToInt(RatingEvent::countDelta).sum()).isEqualTo(1);
        double stored = get(user, item).statusCode(200).extract().jsonPath().getDouble("rating");
        assertThat(before).isEqualTo(stored);
        assertThat(events.stream().mapToDouble(RatingEvent::sumDelta).sum()).isEqualTo(stored);
    }

    @Test
    void theRelayPublishesAChangeLeftInTheOutbox() throws Exception {
        // As if the service died right after committing: the rating and its outbox row are stored,
        // nothing was published.
        String user = fresh("crashed");
        String item = fresh("leftover");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long sequence = repository.head(user) + 1;
        RatingEvent event = new RatingEvent(UUID.randomUUID().toString(), user, item, 3.5, null, false, now)
                .withSequence(sequence);
        repository.commit(user, item, Optional.empty(),
                Optional.of(new RatingRow(user, item, 3.5, null, now, now, 1)), sequence,
                json.writeValueAsString(event), null, now);
        assertThat(repository.pending(user, 10)).hasSize(1);

        assertThat(relay.relay()).isGreaterThanOrEqualTo(1);

        assertThat(repository.pending(user, 10)).isEmpty();
        List<RatingEvent> published = PublishedEvents.ratings(item, events -> !events.isEmpty());
        assertThat(published).extracting(RatingEvent::eventId).containsExactly(event.eventId());
        // Stored without a number (as rows committed before events were numbered): it leaves with its row's.
        assertThat(published).extracting(RatingEvent::sequence).containsExactly(1L);
        get(user, item).statusCode(200);

        // The next change of that user follows the relayed one, with it as the previous value.
        rate(user, item, 1).statusCode(200);
        List<RatingEvent> both = PublishedEvents.ratings(item, events -> events.size() >= 2);
        assertThat(both).extracting(RatingEvent::previousRating).containsExactly(null, 3.5);
        assertThat(both).extracting(RatingEvent::sequence).containsExactly(1L, 2L);
    }

    @Test
    void aChangeTheBrokerDidNotAcknowledgeIsPublishedByTheRelayLater() throws Exception {
        String user = fresh("unlucky");
        String item = fresh("outage");
        FailingProducer producer = new FailingProducer(config, kafka, user);
        QuarkusMock.installMockForType(producer, EventProducer.class);

        rate(user, item, 4.5).statusCode(201); // committed, whatever the broker does
        await().atMost(Duration.ofSeconds(60)).until(() -> producer.refused.get() > 0);
        assertThat(repository.pending(user, 10)).hasSize(1);
        get(user, item).statusCode(200);

        producer.brokerBack = true;
        assertThat(relay.relay()).isGreaterThanOrEqualTo(1);
        assertThat(repository.pending(user, 10)).isEmpty();
        List<RatingEvent> published = PublishedEvents.ratings(item, events -> !events.isEmpty());
        assertThat(published).extracting(RatingEvent::rating).containsExactly(4.5);
        assertThat(PublishedEvents.interactions(item, events -> !events.isEmpty())).hasSize(1);
    }

    /**
     * The real producer, except that sends keyed by one user fail until the broker is "back".
     * Vetoed: it inherits {@code @ApplicationScoped} and must not become a second bean.
     */
    @Vetoed
    static class FailingProducer extends EventProducer {
        final String user;
        final AtomicInteger refused = new AtomicInteger();
        volatile boolean brokerBack;

        FailingProducer(RatingsConfig config, KafkaClients kafka, String user) {
            super(config, kafka);
            this.user = user;
        }

        @Override
        public void sendAndAwait(String topic, String key, String value, String traceparent) {
            if (!brokerBack && user.equals(key)) {
                refused.incrementAndGet();
                throw new IllegalStateException("broker unreachable (simulated)");
            }
            super.sendAndAwait(topic, key, value, traceparent);
        }
    }

    private static Callable<Object> task(CountDownLatch start, Callable<Object> body) {
        return () -> {
            start.await();
            return body.call();
        };
    }
}
