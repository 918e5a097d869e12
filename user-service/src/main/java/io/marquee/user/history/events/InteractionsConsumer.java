package io.marquee.user.history.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.marquee.common.events.AnonymousUsers;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.InteractionEventJson;
import io.marquee.user.history.service.HistoryService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the {@code interactions} topic into the history, one poll at a time: a burst of events
 * costs one worker dispatch per poll instead of one per record, and anonymous visitors' records,
 * most of a burst and never part of any history, are dropped by their key before their value is
 * read. Records of one user share a partition; a poll's records are handled one at a time, each
 * partition's in offset order, and polls one after the other ({@code @Blocking} keeps the order).
 * A record that cannot be read or written is logged and skipped, not retried, so one bad record
 * never holds back the others (recently-viewed lists are a convenience). The poll is acknowledged
 * once every record of it was handled; the history is idempotent, so redelivery after a rebalance
 * or a crash does no harm.
 */
@ApplicationScoped
public class InteractionsConsumer {

    static final String CHANNEL = "interactions";
    private static final Logger LOG = Logger.getLogger(InteractionsConsumer.class);
    private final HistoryService history;

    public InteractionsConsumer(HistoryService history) {
        this.history = history;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            handle(record);
        }
    }

    private void handle(ConsumerRecord<String, String> record) {
        if (AnonymousUsers.is(record.key())) {
            history.skippedAnonymous();
            return;
        }
        InteractionEvent event = read(record);
        try {
            history.record(event);
        } catch (RuntimeException e) {
            // DynamoDB down past the client's retries, or a history that kept changing under us.
            LOG.warnf(e, "interaction event at %s-%d@%d not recorded in the history; skipped", record.topic(),
                    record.partition(), record.offset());
        }
    }

    /** The event of {@code record}, or null if it has none or is not an InteractionEvent. */
    private static InteractionEvent read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            // Lenient about unknown fields, as every consumer of the topic (see InteractionEventJson).
            return InteractionEventJson.read(record.value());
        } catch (Exception e) {
            // The parser's own words, without the location lines it appends.
            String why = e instanceof JsonProcessingException unreadable ? unreadable.getOriginalMessage() : e.toString();
            LOG.warnf("unreadable interaction event at %s-%d@%d skipped: %s", record.topic(), record.partition(),
                    record.offset(), why);
            return null;
        }
    }
}
