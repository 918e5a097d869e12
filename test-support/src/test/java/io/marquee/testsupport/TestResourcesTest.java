package io.marquee.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.common.events.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The test resources start real engines: what a service test gets is a broker and a database
 * that behave like production ones.
 */
class TestResourcesTest {

    @Test
    void kafkaResourceStartsABrokerWithMarqueeTopicsThatDeliversRecordsInOrderPerKey() throws Exception {
        KafkaBrokerResource resource = new KafkaBrokerResource();
        Map<String, String> config = resource.start();
        try {
            String bootstrap = config.get("kafka.bootstrap.servers");
            assertThat(bootstrap).startsWith("127.0.0.1:");

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                Map<String, TopicDescription> topics = admin.describeTopics(
                        Topics.ALL.stream().map(Topics.Spec::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
                for (Topics.Spec spec : Topics.ALL) {
                    assertThat(topics.get(spec.name()).partitions()).hasSize(spec.partitions());
                }
            }

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 20; i++) {
                    producer.send(new ProducerRecord<>(Topics.INTERACTIONS, "user-" + (i % 3), "event-" + i)).get();
                }
            }

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "test-support",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.INTERACTIONS));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (received.size() < 20 && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                }
            }
            assertThat(received).hasSize(20);
            // Records of one key share a partition, so each user's events arrive in the order sent.
            Map<String, List<Integer>> perKey = received.stream().collect(Collectors.groupingBy(
                    ConsumerRecord::key, Collectors.mapping(r -> Integer.parseInt(r.value().substring(6)),
                            Collectors.toList())));
            perKey.values().forEach(seq -> assertThat(seq).isSorted());
            Set<Integer> partitionsPerKey = received.stream().filter(r -> r.key().equals("user-0"))
                    .map(ConsumerRecord::partition).collect(Collectors.toSet());
            assertThat(partitionsPerKey).hasSize(1);
        } finally {
            resource.stop();
        }
    }

    @Test
    void dynamoDbResourceStartsTheRealEngineAndConfiguresTheClient() {
        DynamoDbLocalResource resource = new DynamoDbLocalResource();
        Map<String, String> config = resource.start();
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create(config.get("quarkus.dynamodb.endpoint-override")))
                .region(Region.of(config.get("quarkus.dynamodb.aws.region")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        config.get("quarkus.dynamodb.aws.credentials.static-provider.access-key-id"),
                        config.get("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key"))))
                .build()) {
            client.createTable(b -> b.tableName("probe")
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            client.putItem(b -> b.tableName("probe").item(Map.of("id", AttributeValue.fromS("a"),
                    "n", AttributeValue.fromN("1"))));
            // A conditional write that must fail proves this is a real engine, not a stub.
            boolean rejected = false;
            try {
                client.putItem(b -> b.tableName("probe").item(Map.of("id", AttributeValue.fromS("a")))
                        .conditionExpression("attribute_not_exists(id)"));
            } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
                rejected = true;
            }
            assertThat(rejected).isTrue();
            assertThat(client.getItem(b -> b.tableName("probe").key(Map.of("id", AttributeValue.fromS("a"))))
                    .item().get("n").n()).isEqualTo("1");
        } finally {
            resource.stop();
        }
    }
}
