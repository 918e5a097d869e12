package io.marquee.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.kafka.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Moves the events dead-lettered since the last replay from {@link Topics#INTERACTIONS_DLQ} back to
 * {@link Topics#INTERACTIONS}, marked with {@link Topics#DLQ_REPLAY_HEADER} so the relay sends them
 * to Personalize's tracker again, up to the end the DLQ had when the replay began; says how many.
 * Progress is the committed offsets of {@link Topics#DLQ_REPLAY_GROUP}, committed only after every
 * event is back, so a failed replay is simply run again and no replay moves an event twice. Used by
 * event-ingest-service's {@code POST /admin/dlq/replay} and the devstack's {@code ./marquee replay-dlq}.
 * A dead letter is {@code {"event": <the interaction event>, "reason": ...}}; one without an event
 * (an unreadable original) stays behind and is counted.
 */
public final class DeadLetterReplay {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterReplay() {
    }

    /** What a replay did. */
    public record Replayed(int replayed, int unreadable) {
    }

    public static Replayed run(KafkaClients kafka) throws Exception {
        Properties c = kafka.asProperties();
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "dlq-replay");
        c.put(ConsumerConfig.GROUP_ID_CONFIG, Topics.DLQ_REPLAY_GROUP);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Properties p = kafka.asProperties();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "dlq-replay");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        byte[] replayHeader = "true".getBytes(StandardCharsets.UTF_8);
        int replayed = 0;
        int unreadable = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
             KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INTERACTIONS_DLQ, TIMEOUT).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), TIMEOUT);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                if (at == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, at.offset());
                }
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), TIMEOUT) < e.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    JsonNode event = readEvent(record.value());
                    if (event == null) {
                        unreadable++;
                    } else {
                        ProducerRecord<String, String> back = new ProducerRecord<>(Topics.INTERACTIONS, record.key(),
                                JSON.writeValueAsString(event));
                        back.headers().add(Topics.DLQ_REPLAY_HEADER, replayHeader);
                        acks.add(producer.send(back));
                        replayed++;
                    }
                    progress.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (!progress.isEmpty()) {
                consumer.commitSync(progress, TIMEOUT);
            }
        }
        return new Replayed(replayed, unreadable);
    }

    /** The {@code event} of a dead letter, or null when there is none (an unreadable original). */
    private static JsonNode readEvent(String value) {
        try {
            JsonNode event = value == null ? null : JSON.readTree(value).get("event");
            return event != null && event.isObject() ? event : null;
        } catch (Exception e) {
            return null;
        }
    }
}
