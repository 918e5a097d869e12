package io.marquee.common.kafka;

import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes {@link KafkaClients} injectable, and hands its properties to every messaging channel. */
@Singleton
public class KafkaClientsProducer {

    @Produces
    @Singleton
    KafkaClients kafkaClients(KafkaSecurityConfig config,
                              @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
                              String bootstrapServers) {
        return KafkaClients.of(bootstrapServers, config.security());
    }

    /**
     * The channel defaults SmallRye looks up by identifier at run time (which ArC cannot see, hence
     * {@code @Unremovable}); a channel's own {@code mp.messaging.*} keys still win.
     */
    @Produces
    @Singleton
    @Unremovable
    @Identifier(KafkaClients.CHANNEL_CONFIGURATION)
    Map<String, Object> channelConfiguration(KafkaClients clients) {
        return Map.copyOf(clients.properties());
    }
}
