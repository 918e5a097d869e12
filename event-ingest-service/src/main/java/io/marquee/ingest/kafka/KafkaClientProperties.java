package io.marquee.ingest.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.eclipse.microprofile.config.Config;

/**
 * Where the broker is and how to talk to it, for every Kafka client of this service (producer,
 * relay consumer, streams). One place, so a cluster that needs TLS and SASL (MSK with IAM: the
 * chart sets {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*}) is configured once.
 */
@ApplicationScoped
public class KafkaClientProperties {

    /** Platform-wide keys (environment {@code KAFKA_*}) passed to the clients when set. */
    private static final Map<String, String> OPTIONAL_KEYS = Map.of(
            "kafka.security.protocol", CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
            "kafka.sasl.mechanism", "sasl.mechanism",
            "kafka.sasl.jaas.config", "sasl.jaas.config",
            "kafka.sasl.client.callback.handler.class", "sasl.client.callback.handler.class");

    private final Config config;

    public KafkaClientProperties(Config config) {
        this.config = config;
    }

    /** The platform-wide {@code kafka.bootstrap.servers} (env {@code KAFKA_BOOTSTRAP_SERVERS}). */
    public String bootstrapServers() {
        return config.getOptionalValue("kafka.bootstrap.servers", String.class).orElse("127.0.0.1:9092");
    }

    /** Bootstrap servers and security settings; each client adds its own keys. */
    public Properties base(String clientId) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        OPTIONAL_KEYS.forEach((key, clientKey) -> {
            Optional<String> value = config.getOptionalValue(key, String.class);
            value.filter(v -> !v.isBlank()).ifPresent(v -> props.put(clientKey, v));
        });
        return props;
    }
}
