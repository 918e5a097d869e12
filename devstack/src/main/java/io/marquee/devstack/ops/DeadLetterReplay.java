package io.marquee.devstack.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.common.events.Topics;
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
 * {@code ./marquee replay-dlq}: moves the events dead-lettered since the last replay from
 * {@code interactions-dlq} back to {@code interactions}, marked as replayed, so the relay sends
 * them to the tracker again; says how many. The same as event-ingest-service's
 * {@code POST /admin/dlq/replay} (which needs an admin token), sharing its consumer group, done
 * here straight on the local broker.
 */
public final class DeadLetterReplay {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterReplay() {
    }

    /** What a replay did. */
    public record Replayed(int replayed, int unreadable) {
    }

    public static Replayed run(String bootstrapServers) throws Exception {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, Topics.DLQ_REPLAY_GROUP);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
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
