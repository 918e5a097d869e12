package io.marquee.catalog.stats.events;

import io.marquee.catalog.stats.service.AbsorbGate;
import io.marquee.catalog.stats.service.Fact;
import io.marquee.catalog.stats.service.StatsService;
import io.marquee.common.events.AnonymousUsers;
import io.marquee.common.events.EventBounds;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.RatingEvent;
import io.marquee.common.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The two Kafka consumers (group {@code catalog-service}): a polled batch becomes facts per
 * partition, applied by {@link StatsService}. A record that cannot be read or makes no sense
 * (no item id, unknown rating, a change number below 1, an event time in the future, an
 * interaction of nobody: see common's {@code EventBounds}) is logged, counted in
 * {@code catalog_events_skipped_total} and skipped; so is a numbered rating change applied before,
 * and an interaction its visitor had counted with the item in the same window (reason
 * {@code repeated}, not logged one by one). A DynamoDB failure that outlasts the retries
 * fails the channel, so nothing is dropped and the batch is redelivered after a restart. At
 * shutdown, {@link AbsorbGate} ends the batch in progress first (unacknowledged, so delivered again).
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    static final String SKIPPED_METRIC = "catalog.events.skipped";

    private final StatsService stats;
    private final AbsorbGate gate;
    private final MeterRegistry metrics;

    public EventConsumers(StatsService stats, AbsorbGate gate, MeterRegistry metrics) {
        this.stats = stats;
        this.gate = gate;
        this.metrics = metrics;
    }

    // Both are public: a test delivers the same records a second time, as Kafka does after a rebalance.
    @Incoming(Topics.INTERACTIONS)
    @Blocking
    public void interactions(ConsumerRecords<String, InteractionEvent> records) {
        apply(records, this::interactionFact);
    }

    @Incoming(Topics.RATINGS)
    @Blocking
    public void ratings(ConsumerRecords<String, RatingEvent> records) {
        apply(records, this::ratingFact);
    }

    /**
     * Applies every partition of a polled batch. Records repeated inside the batch (same event id)
     * count once; records of earlier batches are recognised by the partition's watermark.
     */
    private <V> void apply(ConsumerRecords<String, V> records, BiFunction<ConsumerRecord<String, V>, V, Fact> toFact) {
        gate.enter();
        try {
            applyAll(records, toFact);
        } finally {
            gate.leave();
        }
    }

    private <V> void applyAll(ConsumerRecords<String, V> records, BiFunction<ConsumerRecord<String, V>, V, Fact> toFact) {
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, V>> inPartition = records.records(partition);
            List<Fact> facts = new ArrayList<>(inPartition.size());
            Set<String> eventIds = new HashSet<>();
            long last = -1;
            for (ConsumerRecord<String, V> record : inPartition) {
                last = Math.max(last, record.offset());
                if (record.headers().lastHeader(Topics.DLQ_REPLAY_HEADER) != null) {
                    // A dead letter sent back for the tracker: its original was on this topic and
                    // counted here then (a replay on a later day would escape ADR 39's daily window).
                    countSkipped(record.topic(), "replayed", 1);
                    continue;
                }
                Fact fact = record.value() == null ? null : toFact.apply(record, record.value());
                if (fact == null) {
                    skip(record, record.value() == null ? "unreadable" : "invalid");
                } else if (eventIds.add(eventIdOf(record.value()))) {
                    facts.add(fact);
                } else {
                    skip(record, "duplicate");
                }
            }
            if (last >= 0) {
                int repeated = stats.apply(partition.topic(), partition.partition(), last, facts);
                if (repeated > 0) {
                    LOG.debugf("skipped %d records of %s counted before", repeated, partition);
                    countSkipped(partition.topic(), "repeated", repeated);
                }
            }
        }
    }

    /**
     * An interaction must name its visitor (every producer does: the user, or
     * {@code anonymous:<session>} for a signed-out visitor), since it counts once per visitor, item
     * and window; the window is chosen by the record's timestamp, set by the producer (or the
     * broker), not by the client's {@code sentAt}.
     */
    Fact interactionFact(ConsumerRecord<String, InteractionEvent> record, InteractionEvent event) {
        String visitor = visitorOf(event);
        if (!EventBounds.validItemId(event.itemId()) || event.eventType() == null || visitor == null
                || !EventBounds.plausibleTime(event.sentAt(), Instant.now())) {
            return null;
        }
        long receivedAt = record.timestamp() >= 0 ? record.timestamp() : event.sentAt().toEpochMilli();
        return Fact.interaction(record.offset(), event.itemId(), InteractionEvent.VIEW.equals(event.eventType()),
                event.sentAt(), visitor, receivedAt);
    }

    /** The signed-in user, else the session's anonymous visitor (as event-ingest-service names them); null if neither. */
    private static String visitorOf(InteractionEvent event) {
        if (EventBounds.validUserId(event.userId())) {
            return event.userId();
        }
        String anonymous = event.sessionId() == null ? null : AnonymousUsers.of(event.sessionId());
        return EventBounds.validUserId(anonymous) ? anonymous : null;
    }

    /**
     * A rating change must carry its user and that user's change number: every producer numbers them
     * (rating-service's outbox, the demo publisher), and a change without a number could not be told
     * from its own republished copy, so it is skipped as invalid rather than counted on trust.
     */
    Fact ratingFact(ConsumerRecord<String, RatingEvent> record, RatingEvent event) {
        if (!EventBounds.validItemId(event.itemId()) || !EventBounds.validRatingOrNone(event.rating())
                || !EventBounds.validRatingOrNone(event.previousRating())
                || !EventBounds.validUserId(event.userId())
                || event.sequence() == null || event.sequence() < 1) {
            return null;
        }
        return Fact.rating(record.offset(), event.itemId(), event.countDelta(), Math.round(event.sumDelta() * 2),
                event.userId(), event.sequence());
    }

    private static String eventIdOf(Object event) {
        String id = event instanceof InteractionEvent i ? i.eventId() : ((RatingEvent) event).eventId();
        // Without an id, a record cannot be recognised as a repeat: keep it (offsets still guard redelivery).
        return id == null ? "offset-less#" + System.identityHashCode(event) : id;
    }

    private void skip(ConsumerRecord<String, ?> record, String reason) {
        LOG.warnf("skipped %s record %s-%d@%d", reason, record.topic(), record.partition(), record.offset());
        countSkipped(record.topic(), reason, 1);
    }

    private void countSkipped(String topic, String reason, long records) {
        metrics.counter(SKIPPED_METRIC, "topic", topic, "reason", reason).increment(records);
    }
}
