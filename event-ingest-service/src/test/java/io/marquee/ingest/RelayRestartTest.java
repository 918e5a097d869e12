package io.marquee.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.Topics;
import io.marquee.ingest.kafka.EventJson;
import io.marquee.ingest.relay.DeliveredRanges;
import io.marquee.ingest.relay.DeliveredRanges.Handled;
import io.marquee.ingest.relay.DeliveredRanges.Outcome;
import io.marquee.ingest.relay.TrackerRelay;
import io.marquee.testsupport.TestKafka;
import io.marquee.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A relay that takes over a partition reads back what was handled there (ADR 30): it does not send
 * again what its predecessor delivered and did not commit, nor what a client resends.
 */
@QuarkusTest
class RelayRestartTest {

    @Inject
    TrackerRelay relay;

    @Inject
    DeliveredRanges ranges;

    @Test
    void aRelayTakingOverSkipsWhatItsPredecessorRecordedAsDeliveredButDidNotCommit() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String user = "u-restart-" + run;
        String session = "restart-" + run;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> items = new ArrayList<>();
        List<RecordMetadata> written = new ArrayList<>();
        relay.stop();
        try {
            // Ten events of one session on the topic, uncommitted; the predecessor had delivered and
            // recorded the first five when it died.
            Properties props = new Properties();
            props.putAll(TestKafka.harnessProperties());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
                for (int i = 0; i < 10; i++) {
                    String item = "ok-" + run + "-" + i;
                    items.add(item);
                    InteractionEvent event = InteractionEvent.of(UUID.randomUUID().toString(), user, session, item,
                            InteractionEvent.VIEW, null, at.plusMillis(i));
                    RecordMetadata meta = producer.send(new ProducerRecord<>(Topics.INTERACTIONS, user,
                            EventJson.write(event))).get();
                    written.add(meta);
                    if (i < 5) {
                        ranges.record(List.of(new Handled(new TopicPartition(meta.topic(), meta.partition()),
                                meta.offset(), event.eventId(), Outcome.DELIVERED)));
                    }
                }
            }
        } finally {
            relay.start();
        }
        assertThat(written).extracting(RecordMetadata::partition).as("one user: one partition").containsOnly(
                written.get(0).partition());

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                PersonalizeLocal.recordedItems().keySet().containsAll(items.subList(5, 10)));
        // One session's events are sent in order: had the first five gone, they would be there by now.
        Map<String, Integer> recorded = PersonalizeLocal.recordedItems();
        assertThat(items.subList(0, 5)).noneMatch(recorded::containsKey);
        assertThat(items.subList(5, 10)).allMatch(item -> recorded.get(item) == 1);
    }

    @Test
    void aClientsResendOfADeliveredEventIsNotSentAgainEvenAfterTheRelayRestarted() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.user("u-resend-" + run);
        String session = "resend-" + run;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> first = Events.event(UUID.randomUUID().toString(), session, "view", "ok-" + run + "-first", at);
        Events.postUntilAccepted(token, List.of(first));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                PersonalizeLocal.recordedItems().containsKey("ok-" + run + "-first"));

        relay.stop();
        relay.start();
        // The client did not see the first answer and sends the event again, followed by a new one.
        Map<String, Object> next = Events.event(UUID.randomUUID().toString(), session, "view", "ok-" + run + "-next",
                at.plusMillis(1));
        Events.postUntilAccepted(token, List.of(first, next));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                PersonalizeLocal.recordedItems().containsKey("ok-" + run + "-next"));

        assertThat(PersonalizeLocal.recordedItems()).containsEntry("ok-" + run + "-first", 1)
                .containsEntry("ok-" + run + "-next", 1);
    }
}
