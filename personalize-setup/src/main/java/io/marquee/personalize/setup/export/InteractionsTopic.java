package io.marquee.personalize.setup.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The interactions topic from its earliest offset up to the end it had when the read began, as
 * rows of the interactions file. The consumer has no group and commits nothing: the export leaves
 * no trace on the cluster and never moves a service's progress. Every Marquee producer writes
 * {@code InteractionEvent} JSON (instants as ISO-8601); copies of one event (at-least-once
 * delivery, a dead-letter replay) share its {@code eventId} and are taken once.
 */
final class InteractionsTopic {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(500);

    private final ExportSources sources;

    InteractionsTopic(ExportSources sources) {
        this.sources = sources;
    }

    /** Reads the topic into {@code file}: each record is a row, a refused record or a duplicate. */
    void read(ValidatedCsv file) {
        Properties config = sources.kafka().asProperties();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "personalize-export");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // Rating changes are published by an idempotent producer; only what was committed counts.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) sources.timeout().toMillis());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        String topic = sources.interactionsTopic();
        long deadline = System.nanoTime() + sources.timeout().toNanos();
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, sources.timeout());
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("Kafka has no topic " + topic);
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, sources.timeout());
            while (partitions.stream().anyMatch(p -> consumer.position(p, sources.timeout()) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took longer than " + sources.timeout().toSeconds()
                            + " s (--timeout)");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue; // arrived after the read began: the next export takes it
                    }
                    String key = topic + "-" + record.partition() + "@" + record.offset();
                    JsonNode event = parse(record.value());
                    JsonNode eventId = event == null ? null : event.get("eventId");
                    if (eventId != null && eventId.isTextual() && !seen.add(eventId.asText())) {
                        file.duplicate();
                    } else {
                        file.accept(row(key, event));
                    }
                }
            }
        }
    }

    /** The record's JSON, or null when it is empty or not JSON. */
    private static JsonNode parse(String value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (Exception e) {
            return null;
        }
    }

    /** One event's columns: USER_ID, ITEM_ID, TIMESTAMP (epoch seconds of sentAt), EVENT_TYPE, EVENT_VALUE. */
    static SourceRow row(String key, JsonNode event) {
        if (event == null || !event.isObject()) {
            return SourceRow.unreadable(key, "not an interaction event (no JSON object)");
        }
        Map<String, String> values = new HashMap<>();
        for (String[] column : new String[][] {{"USER_ID", "userId"}, {"ITEM_ID", "itemId"}, {"EVENT_TYPE", "eventType"}}) {
            JsonNode v = event.get(column[1]);
            if (v != null && !v.isNull()) {
                if (!v.isTextual()) {
                    return SourceRow.unreadable(key, column[0] + " is not a string");
                }
                values.put(column[0], v.asText());
            }
        }
        JsonNode sentAt = event.get("sentAt");
        if (sentAt != null && !sentAt.isNull()) {
            try {
                long seconds = sentAt.isNumber()
                        ? sentAt.decimalValue().setScale(0, RoundingMode.FLOOR).longValueExact()
                        : Instant.parse(sentAt.asText()).getEpochSecond();
                values.put("TIMESTAMP", Long.toString(seconds));
            } catch (DateTimeParseException | ArithmeticException e) {
                return SourceRow.unreadable(key, "TIMESTAMP is not a time");
            }
        }
        JsonNode eventValue = event.get("eventValue");
        if (eventValue != null && !eventValue.isNull()) {
            if (!eventValue.isNumber()) {
                return SourceRow.unreadable(key, "EVENT_VALUE is not a number");
            }
            values.put("EVENT_VALUE", RowRules.decimal(eventValue.doubleValue()));
        }
        return SourceRow.of(key, values);
    }
}
