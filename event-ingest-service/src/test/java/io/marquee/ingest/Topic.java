package io.marquee.ingest;

import static org.awaitility.Awaitility.await;

import io.marquee.common.tracing.TraceParent;
import io.marquee.ingest.kafka.EventJson;
import io.marquee.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its start with a plain consumer, as a downstream service would. */
public final class Topic {

    /** A record as read: key, parsed value and its {@code traceparent} header (null without one). */
    public record Record<T>(String key, T value, String traceparent) {
    }

    private Topic() {
    }

    /** Every record of {@code topic} whose value passes {@code wanted}, once {@code done} holds (waits up to a minute). */
    public static <T> List<Record<T>> read(String topic, Class<T> type, Predicate<T> wanted,
                                           Predicate<List<Record<T>>> done) {
        Properties props = new Properties();
        // The harness's credentials: the test reads whatever topic it checks.
        props.putAll(TestKafka.harnessProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<Record<T>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    T value = EventJson.read(record.value(), type);
                    if (value != null && wanted.test(value)) {
                        Header trace = record.headers().lastHeader(TraceParent.HEADER);
                        records.add(new Record<>(record.key(), value,
                                trace == null ? null : new String(trace.value(), StandardCharsets.US_ASCII)));
                    }
                }
                return done.test(records);
            });
        }
        return records;
    }
}
