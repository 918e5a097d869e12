package io.marquee.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.common.events.Topics;
import io.marquee.common.kafka.KafkaAuthentication;
import io.marquee.common.kafka.KafkaClients;
import io.marquee.common.kafka.KafkaSecurity;
import io.marquee.common.kafka.KafkaTopicSetup;
import io.marquee.common.kafka.TopicAccess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SCRAM broker of {@link KafkaBrokerResource}: only authenticated clients get in, and each
 * service has exactly the rights {@link TopicAccess#ALL} grants through {@link KafkaTopicSetup}.
 */
class ScramBrokerTest {

    private static KafkaBrokerResource resource;
    private static Map<String, String> config;

    @BeforeAll
    static void start() {
        resource = new KafkaBrokerResource();
        resource.init(Map.of("service", TopicAccess.RATING_SERVICE));
        config = resource.start();
    }

    @AfterAll
    static void stop() {
        resource.stop();
    }

    @Test
    void theServiceIsToldToAuthenticateWithItsOwnScramCredentials() {
        assertThat(config).containsEntry("marquee.kafka.authentication", "SCRAM_SHA_512")
                .containsEntry("marquee.kafka.username", "rating-service")
                .containsKey("marquee.kafka.password");
    }

    @Test
    void aClientWithoutCredentialsIsNotServed() {
        Map<String, Object> props = KafkaClients.of(bootstrap(), KafkaSecurity.none()).properties();
        props.put("max.block.ms", 3000);
        try (KafkaProducer<String, String> producer = producer(props)) {
            // The SASL listener closes plaintext connections: metadata never arrives.
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.RATINGS, "u", "{}")).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> props = clientOf("rating-service", "not-the-password");
        props.put("max.block.ms", 10000);
        try (KafkaProducer<String, String> producer = producer(props)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.RATINGS, "u", "{}")).get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void theWriterOfATopicWritesItAndItsReaderReadsItInItsOwnGroupButCannotForgeIt() throws Exception {
        try (KafkaProducer<String, String> rating = producer(serviceClient())) {
            rating.send(new ProducerRecord<>(Topics.RATINGS, "u1", "{\"real\":true}")).get(20, TimeUnit.SECONDS);
        }
        String catalogPassword = newPassword("catalog-service");
        Map<String, Object> catalog = clientOf("catalog-service", catalogPassword);
        catalog.put("max.block.ms", 10000);
        // Not idempotent, so the refusal is about the topic (an idempotent producer with no Write
        // anywhere is already refused the cluster-level IdempotentWrite).
        catalog.put("enable.idempotence", false);
        try (KafkaProducer<String, String> forger = producer(catalog)) {
            assertThatThrownBy(() -> forger.send(new ProducerRecord<>(Topics.RATINGS, "u1", "{\"forged\":true}")).get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> reader = clientOf("catalog-service", catalogPassword);
        reader.put("group.id", "catalog-service");
        reader.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(reader, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.RATINGS));
            int read = 0;
            for (int i = 0; i < 40 && read == 0; i++) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            assertThat(read).isEqualTo(1);
        }
        Map<String, Object> otherGroup = clientOf("catalog-service", catalogPassword);
        otherGroup.put("group.id", "user-service");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(otherGroup, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.RATINGS));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 40; i++) {
                    consumer.poll(Duration.ofMillis(500));
                }
            }).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aServiceThatReadsNoTopicCannotReadOne() throws Exception {
        Map<String, Object> user = clientOf("user-service", newPassword("user-service"));
        user.put("group.id", "user-service");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(user, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.RATINGS));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 40; i++) {
                    consumer.poll(Duration.ofMillis(500));
                }
            }).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void topicSetupRunsAgainWithoutChangeAndGrowsPartitionsButNeverShrinksThem() throws Exception {
        try (Admin admin = Admin.create(harness())) {
            KafkaTopicSetup.Result again = KafkaTopicSetup.apply(admin, KafkaTopicSetup.Plan.forSuite((short) 1, true));
            assertThat(again.createdTopics()).isEmpty();
            assertThat(again.grownTopics()).isEmpty();

            KafkaTopicSetup.Plan plan = new KafkaTopicSetup.Plan(List.of(
                    new KafkaTopicSetup.Topic(Topics.SESSIONS, 5, (short) 1, Map.of(), List.of(), List.of()),
                    new KafkaTopicSetup.Topic(Topics.RATINGS, 1, (short) 1, Map.of(), List.of(), List.of()),
                    new KafkaTopicSetup.Topic("audit", 2, (short) 1, Map.of("retention.ms", "3600000"), List.of(), List.of())),
                    false, Map.of());
            KafkaTopicSetup.Result changed = KafkaTopicSetup.apply(admin, plan);
            assertThat(changed.createdTopics()).containsExactly("audit");
            assertThat(changed.grownTopics()).containsExactly(Topics.SESSIONS);
            var described = admin.describeTopics(List.of(Topics.SESSIONS, Topics.RATINGS, "audit")).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            assertThat(described.get(Topics.SESSIONS).partitions()).hasSize(5);
            assertThat(described.get(Topics.RATINGS).partitions()).hasSize(3);
            assertThat(described.get("audit").partitions()).hasSize(2);
        }
    }

    private static String bootstrap() {
        return config.get("kafka.bootstrap.servers");
    }

    private static Map<String, Object> harness() {
        return clientOf(config.get(KafkaBrokerResource.HARNESS_USERNAME), config.get(KafkaBrokerResource.HARNESS_PASSWORD));
    }

    private static Map<String, Object> serviceClient() {
        return clientOf(config.get("marquee.kafka.username"), config.get("marquee.kafka.password"));
    }

    private static Map<String, Object> clientOf(String user, String password) {
        return KafkaClients.of(bootstrap(), KafkaSecurity.of(KafkaAuthentication.SCRAM_SHA_512, Optional.of(false),
                Optional.of(user), Optional.of(password))).properties();
    }

    /** Sets a known password for another service's user (the resource only tells its own service's). */
    private static String newPassword(String user) throws Exception {
        String password = "pw-" + user;
        try (Admin admin = Admin.create(harness())) {
            admin.alterUserScramCredentials(List.of(new org.apache.kafka.clients.admin.UserScramCredentialUpsertion(user,
                    new org.apache.kafka.clients.admin.ScramCredentialInfo(org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, 4096),
                    password))).all().get(30, TimeUnit.SECONDS);
        }
        return password;
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> props) {
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
