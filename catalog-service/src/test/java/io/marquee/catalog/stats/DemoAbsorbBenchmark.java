package io.marquee.catalog.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.catalog.item.Api;
import io.marquee.catalog.stats.repository.StatsRepository;
import io.marquee.common.events.InteractionEvent;
import io.marquee.common.events.RatingEvent;
import io.marquee.common.events.Topics;
import io.marquee.devstack.data.Dataset;
import io.marquee.devstack.data.DemoDataGenerator;
import io.marquee.devstack.data.Interaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long the counters take to absorb the devstack's first-start burst: the seeded demo catalog,
 * then its whole history (~200k interactions, ~52k rating changes numbered per user) published at
 * once. A measurement, not a test: it runs only when asked, alone, on a fresh broker and DynamoDB,
 * and prints the times; it asserts only that the totals end exact.
 *
 * <pre>./mvnw -o -pl catalog-service verify -Dtest=DemoAbsorbBenchmark -Dmarquee.bench.absorb=true</pre>
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "marquee.bench.absorb", matches = "true")
class DemoAbsorbBenchmark {

    @Inject
    StatsRepository repository;

    @Test
    void demoHistoryIsAbsorbed() throws Exception {
        Dataset data = DemoDataGenerator.generate(DemoDataGenerator.DEFAULT_SEED);
        for (int from = 0; from < data.movies().size(); from += 100) {
            List<?> batch = data.movies().subList(from, Math.min(data.movies().size(), from + 100));
            given().header(Api.admin()).contentType(ContentType.JSON).body(Events.JSON.writeValueAsString(
                    Map.of("items", batch))).post("/items/batch").then().statusCode(200);
        }
        // Ratings keep their previous value and each user's change number, as the devstack publishes them.
        Map<String, Double> lastRating = new HashMap<>();
        Map<String, Long> changes = new HashMap<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            for (int i = 0; i < data.interactions().size(); i++) {
                Interaction x = data.interactions().get(i);
                Instant at = Instant.ofEpochSecond(x.timestamp());
                producer.send(new ProducerRecord<>(Topics.INTERACTIONS, x.userId(), Events.JSON.writeValueAsString(
                        InteractionEvent.of(UUID.randomUUID().toString(), x.userId(), "history-" + x.userId(),
                                x.itemId(), x.eventType(), x.eventValue(), at))));
                if (x.isRating() && x.eventValue() != null) {
                    Double previous = lastRating.put(x.userId() + '\u0000' + x.itemId(), x.eventValue());
                    RatingEvent rating = new RatingEvent(UUID.randomUUID().toString(), x.userId(), x.itemId(),
                            x.eventValue(), previous, false, at).withSequence(changes.merge(x.userId(), 1L, Long::sum));
                    producer.send(new ProducerRecord<>(Topics.RATINGS, x.userId(), Events.JSON.writeValueAsString(rating)));
                }
            }
            producer.flush();
        }
        double published = seconds(start);
        long ratingChanges = changes.values().stream().mapToLong(Long::longValue).sum();

        Map<TopicPartition, Long> ends = endOffsets();
        Map<String, Double> absorbed = new HashMap<>();
        while (absorbed.size() < 2) {
            for (String topic : List.of(Topics.INTERACTIONS, Topics.RATINGS)) {
                if (!absorbed.containsKey(topic) && ends.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                        .allMatch(e -> repository.watermark(topic, e.getKey().partition()) >= e.getValue() - 1)) {
                    absorbed.put(topic, seconds(start));
                }
            }
            Thread.sleep(250);
        }
        System.out.printf("[absorb] %d interactions, %d rating changes of %d users: published in %.1f s; "
                        + "interactions absorbed after %.1f s, ratings after %.1f s%n",
                data.interactions().size(), ratingChanges, changes.size(), published,
                absorbed.get(Topics.INTERACTIONS), absorbed.get(Topics.RATINGS));
        assertThat(repository.totals().ratings()).isEqualTo(lastRating.size());
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(Events.clientProperties(),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new java.util.ArrayList<>();
            for (String topic : List.of(Topics.INTERACTIONS, Topics.RATINGS)) {
                reader.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return reader.endOffsets(partitions);
        }
    }

    private static Properties producerConfig() {
        Properties p = new Properties();
        p.putAll(Events.clientProperties());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        return p;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
