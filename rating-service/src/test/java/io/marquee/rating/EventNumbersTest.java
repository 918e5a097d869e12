package io.marquee.rating;

import static io.marquee.rating.Api.delete;
import static io.marquee.rating.Api.fresh;
import static io.marquee.rating.Api.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.common.events.RatingEvent;
import io.marquee.rating.events.OutboxRelay;
import io.marquee.rating.repository.RatingRepository;
import io.marquee.rating.repository.RatingTables;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every {@code ratings} event carries the user's change number, the sequence of its outbox row: it
 * counts the user's changes 1, 2, 3… across items, and a row published twice carries the same
 * number both times, which is what consumers deduplicate by.
 */
@QuarkusTest
class EventNumbersTest {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    RatingTables tables;

    @Inject
    RatingRepository repository;

    @Inject
    OutboxRelay relay;

    @Test
    void oneUsersChangesAreNumberedOneTwoThreeAcrossItems() {
        String user = fresh("counted");
        String first = fresh("first");
        String second = fresh("second");
        rate(user, first, 3).statusCode(201);
        rate(user, first, 4.5).statusCode(200);
        rate(user, second, 2).statusCode(201);
        delete(user, first).statusCode(204);
        delete(user, first).statusCode(204); // nothing to delete: no change, no number

        List<RatingEvent> events = PublishedEvents.ratingRecordsOf(user, published -> published.size() >= 4);

        assertThat(events).extracting(RatingEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events).extracting(RatingEvent::itemId).containsExactly(first, first, second, first);
        assertThat(events).extracting(RatingEvent::rating).containsExactly(3.0, 4.5, 2.0, null);
    }

    @Test
    void aRowPublishedAgainAfterACrashCarriesTheSameNumber() {
        // The broker acknowledges the events, then the row's delete fails, as if the service died
        // in between: the relay publishes the row a second time.
        String user = fresh("crash");
        String item = fresh("twice");
        ForgetfulRepository forgetful = new ForgetfulRepository(dynamo, tables, user);
        QuarkusMock.installMockForType(forgetful, RatingRepository.class);

        rate(user, item, 4).statusCode(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> forgetful.lostDeletes.get() > 0);
        assertThat(repository.pending(user, 10)).hasSize(1);
        assertThat(relay.relay()).isGreaterThanOrEqualTo(1);
        assertThat(repository.pending(user, 10)).isEmpty();
        rate(user, item, 2).statusCode(200);

        List<RatingEvent> records = PublishedEvents.ratingRecordsOf(user, published -> published.size() >= 3);

        assertThat(records).hasSize(3);
        assertThat(records.get(1)).isEqualTo(records.get(0)); // same event id, same number
        assertThat(records).extracting(RatingEvent::sequence).containsExactly(1L, 1L, 2L);
        assertThat(records.get(2).previousRating()).isEqualTo(4.0);
    }

    /**
     * The real repository, except that the first delete of the user's published row is lost.
     * Vetoed: it inherits {@code @ApplicationScoped} and must not become a second bean.
     */
    @Vetoed
    static class ForgetfulRepository extends RatingRepository {
        final String user;
        final AtomicInteger lostDeletes = new AtomicInteger();

        ForgetfulRepository(DynamoDbClient dynamo, RatingTables tables, String user) {
            super(dynamo, tables);
            this.user = user;
        }

        @Override
        public void published(String userId, long sequence) {
            if (user.equals(userId) && lostDeletes.getAndIncrement() == 0) {
                throw new IllegalStateException("crashed before deleting the outbox row (simulated)");
            }
            super.published(userId, sequence);
        }
    }
}
