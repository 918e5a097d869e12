package io.marquee.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaSecurityTest {

    @Test
    void noAuthenticationIsPlaintextUnlessTlsIsAsked() {
        assertThat(KafkaSecurity.none().properties()).containsExactly(Map.entry("security.protocol", "PLAINTEXT"));
        assertThat(KafkaSecurity.of(KafkaAuthentication.NONE, Optional.of(true), Optional.empty(), Optional.empty())
                .properties()).containsExactly(Map.entry("security.protocol", "SSL"));
    }

    @Test
    void mskIamPropertiesAreExactlyTheOnesMskDocuments() {
        assertThat(KafkaSecurity.mskIam().properties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "AWS_MSK_IAM",
                "sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;",
                "sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler"));
    }

    @Test
    void mskIamPropertiesBuildARealClientWithTheIamLoginModule() {
        // The producer logs in while it is constructed: this loads IAMLoginModule and the callback
        // handler from aws-msk-iam-auth and parses the JAAS line, without needing a broker.
        Map<String, Object> props = KafkaClients.of("127.0.0.1:9", KafkaSecurity.mskIam()).properties();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            assertThat(producer.metrics()).isNotEmpty();
            producer.close(Duration.ZERO);
        }
    }

    @Test
    void mskIamRefusesPlaintext() {
        assertThatThrownBy(() -> KafkaSecurity.of(KafkaAuthentication.MSK_IAM, Optional.of(false), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only over TLS");
    }

    @Test
    void scramUsesSha512OverTlsByDefaultWithTheCredentialsQuotedForJaas() {
        KafkaSecurity scram = KafkaSecurity.of(KafkaAuthentication.SCRAM_SHA_512, Optional.empty(),
                Optional.of("rating-service"), Optional.of("p\"a\\ss"));
        assertThat(scram.properties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"rating-service\" password=\"p\\\"a\\\\ss\";");
        assertThat(KafkaSecurity.scram("u", "p", false).properties()).containsEntry("security.protocol", "SASL_PLAINTEXT");
    }

    @Test
    void scramWithAQuoteInThePasswordStillParsesAsJaas() {
        Map<String, Object> props = KafkaClients.of("127.0.0.1:9", KafkaSecurity.scram("u", "p\"; x=\"y", false)).properties();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.close(Duration.ZERO);
        }
    }

    @Test
    void scramWithoutCredentialsFailsNamingTheMissingSetting() {
        assertThatThrownBy(() -> KafkaSecurity.of(KafkaAuthentication.SCRAM_SHA_512, Optional.empty(), Optional.empty(), Optional.of("p")))
                .hasMessageContaining("marquee.kafka.username is required");
        assertThatThrownBy(() -> KafkaSecurity.of(KafkaAuthentication.SCRAM_SHA_512, Optional.empty(), Optional.of("u"), Optional.empty()))
                .hasMessageContaining("marquee.kafka.password is required");
    }

    @Test
    void credentialsWithoutScramAreRefused() {
        assertThatThrownBy(() -> KafkaSecurity.of(KafkaAuthentication.MSK_IAM, Optional.empty(), Optional.of("u"), Optional.of("p")))
                .hasMessageContaining("only used with SCRAM_SHA_512");
    }

    @Test
    void theDescriptionNeverShowsThePassword() {
        KafkaClients clients = KafkaClients.of("b:9096", KafkaSecurity.scram("u", "s3cret", true));
        assertThat(clients.toString()).contains("SCRAM_SHA_512").doesNotContain("s3cret");
    }

    @Test
    void clientPropertiesStartFromTheBrokersAndTheSecurityAndAreTheCallersToExtend() {
        KafkaClients clients = KafkaClients.of("b-1:9098,b-2:9098", KafkaSecurity.mskIam());
        Map<String, Object> props = clients.properties();
        props.put("acks", "all");
        assertThat(props).containsEntry("bootstrap.servers", "b-1:9098,b-2:9098").containsEntry("sasl.mechanism", "AWS_MSK_IAM");
        assertThat(clients.properties()).doesNotContainKey("acks");
        assertThat(clients.asProperties()).containsEntry("security.protocol", "SASL_SSL");
    }
}
