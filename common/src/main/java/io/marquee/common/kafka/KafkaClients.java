package io.marquee.common.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The one place a service's Kafka clients get where the brokers are and how to authenticate.
 *
 * <ul>
 *   <li>Messaging channels: every service sets
 *       {@code mp.messaging.connector.smallrye-kafka.kafka-configuration=marquee-kafka}
 *       ({@link #CHANNEL_CONFIGURATION}); {@link KafkaClientsProducer} publishes
 *       {@link #properties()} under that identifier, and SmallRye lays a channel's own keys over it.</li>
 *   <li>Plain producers, consumers and admin clients: start from {@link #properties()} (or
 *       {@link #asProperties()}) and add their own keys.</li>
 *   <li>Kafka Streams: {@link #asProperties()} plus the application id and serdes.</li>
 * </ul>
 */
public final class KafkaClients {

    /** The {@code @Identifier} of the channel defaults; name it in {@code kafka-configuration}. */
    public static final String CHANNEL_CONFIGURATION = "marquee-kafka";

    private final String bootstrapServers;
    private final KafkaSecurity security;

    private KafkaClients(String bootstrapServers, KafkaSecurity security) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("kafka.bootstrap.servers is required");
        }
        this.bootstrapServers = bootstrapServers;
        this.security = security;
    }

    public static KafkaClients of(String bootstrapServers, KafkaSecurity security) {
        return new KafkaClients(bootstrapServers, security);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public KafkaSecurity security() {
        return security;
    }

    /** {@code bootstrap.servers} and the security properties; a new mutable map each call. */
    public Map<String, Object> properties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.putAll(security.properties());
        return props;
    }

    /** {@link #properties()} as {@link Properties}, for APIs that want them (Kafka Streams). */
    public Properties asProperties() {
        Properties props = new Properties();
        props.putAll(properties());
        return props;
    }

    @Override
    public String toString() {
        return "KafkaClients[" + bootstrapServers + ", " + security + "]";
    }
}
