package io.marquee.common.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * How this service's Kafka clients authenticate ({@code marquee.kafka.*}; env
 * {@code MARQUEE_KAFKA_AUTHENTICATION}, {@code MARQUEE_KAFKA_USERNAME}, ...). Every client of the
 * service — messaging channels, plain producers, Kafka Streams — takes its settings from
 * {@link KafkaClients}, which is built from this.
 */
@ConfigMapping(prefix = "marquee.kafka")
public interface KafkaSecurityConfig {

    /** NONE (default), SCRAM_SHA_512 or MSK_IAM. */
    @WithDefault("NONE")
    KafkaAuthentication authentication();

    /**
     * Whether the connection is TLS. Unset: TLS for SCRAM_SHA_512 (MSK's SCRAM listener) and
     * MSK_IAM, plaintext for NONE. MSK_IAM refuses {@code false}: MSK serves IAM only over TLS.
     */
    Optional<Boolean> tls();

    /** SCRAM user name (SCRAM_SHA_512 only). */
    Optional<String> username();

    /** SCRAM password (SCRAM_SHA_512 only); comes from a Secret, never from committed config. */
    Optional<String> password();

    /** The settings as a value, for {@link KafkaClients}. */
    default KafkaSecurity security() {
        return KafkaSecurity.of(authentication(), tls(), username(), password());
    }
}
