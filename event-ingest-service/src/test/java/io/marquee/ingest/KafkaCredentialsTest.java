package io.marquee.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.marquee.common.kafka.KafkaAuthentication;
import io.marquee.common.kafka.KafkaClients;
import io.marquee.common.kafka.TopicAccess;
import io.marquee.ingest.sessions.streams.SessionStreams;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * This module's broker ({@link RestartableKafka}) takes only SCRAM clients and authorizes each by
 * the ACLs TopicAccess grants: the producer, the relay, the DLQ replay and the readiness check are
 * exercised by the other tests; here, the Kafka Streams application runs with the service's
 * credentials and rights, and a client without credentials gets nothing.
 */
@QuarkusTest
class KafkaCredentialsTest {

    @Inject
    KafkaClients kafka;

    @Inject
    SessionStreams sessions;

    @Test
    void theServiceConnectsAsItselfAndItsStreamsApplicationRunsWithOnlyItsGrantedRights() {
        assertThat(kafka.security().authentication()).isEqualTo(KafkaAuthentication.SCRAM_SHA_512);
        assertThat((String) kafka.properties().get("sasl.jaas.config"))
                .contains("username=\"" + TopicAccess.EVENT_INGEST_SERVICE + "\"");
        // Running means its internal topics were created and its group joined under its own ACLs.
        await().atMost(Duration.ofSeconds(60)).until(() -> sessions.state() == KafkaStreams.State.RUNNING);
    }

    @Test
    void aClientWithoutCredentialsIsRefused() {
        Map<String, Object> anonymous = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }
}
