package io.marquee.ingest.dlq.service;

import io.marquee.common.events.Topics;
import io.marquee.ingest.kafka.EventJson;
import io.marquee.ingest.kafka.KafkaClientProperties;
import io.marquee.ingest.relay.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
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
 * Moves dead-lettered events back to {@code interactions} once their cause is fixed (a wrong
 * tracking id, an outage longer than the relay waits): everything dead-lettered since the last
 * replay, up to the end the topic had when the replay began. The relay then delivers them again;
 * their event ids keep the ones that did reach the tracker from going twice. Progress is the
 * consumer group {@link Topics#DLQ_REPLAY_GROUP}'s committed offsets (shared with the devstack's
 * {@code ./marquee replay-dlq}), so a replay never moves an event twice.
 */
@ApplicationScoped
public class DlqReplay {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] REPLAY = "true".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** What a replay did. */
    public record Replayed(int replayed, int unreadable) {
    }

    private final KafkaClientProperties kafka;

    public DlqReplay(KafkaClientProperties kafka) {
        this.kafka = kafka;
    }

    public synchronized Replayed replay() throws Exception {
        Properties consumerProps = kafka.base("event-ingest-dlq-replay");
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, Topics.DLQ_REPLAY_GROUP);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Properties producerProps = kafka.base("event-ingest-dlq-replay");
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        int replayed = 0;
        int unreadable = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps);
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INTERACTIONS_DLQ, TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
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
            while (behind(consumer, end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    DeadLetter letter = EventJson.read(record.value(), DeadLetter.class);
                    if (letter == null || letter.event() == null) {
                        unreadable++;
                    } else {
                        ProducerRecord<String, String> back = new ProducerRecord<>(Topics.INTERACTIONS, record.key(),
                                EventJson.write(letter.event()));
                        back.headers().add(Topics.DLQ_REPLAY_HEADER, REPLAY);
                        acks.add(producer.send(back));
                        replayed++;
                    }
                    progress.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            // Only after every event is back on interactions: a failed replay is simply run again.
            if (!progress.isEmpty()) {
                consumer.commitSync(progress, TIMEOUT);
            }
        }
        return new Replayed(replayed, unreadable);
    }

    private static boolean behind(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), TIMEOUT) < e.getValue()) {
                return true;
            }
        }
        return false;
    }
}
