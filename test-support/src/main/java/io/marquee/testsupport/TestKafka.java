package io.marquee.testsupport;

import io.marquee.common.kafka.KafkaClients;
import io.marquee.common.kafka.KafkaSecurity;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Kafka clients for tests' own producers and consumers, against {@link KafkaBrokerResource}. */
public final class TestKafka {

    private TestKafka() {
    }

    /**
     * The brokers plus, on a SCRAM broker, the harness's admin credentials: a test publishes what
     * another service would and reads what the service under test wrote, whatever its own rights.
     * A new mutable map each call.
     */
    public static Map<String, Object> harnessProperties() {
        Config config = ConfigProvider.getConfig();
        String bootstrap = config.getValue("kafka.bootstrap.servers", String.class);
        Optional<String> user = config.getOptionalValue(KafkaBrokerResource.HARNESS_USERNAME, String.class);
        KafkaSecurity security = user.isEmpty() ? KafkaSecurity.none()
                : KafkaSecurity.scram(user.get(),
                        config.getValue(KafkaBrokerResource.HARNESS_PASSWORD, String.class), false);
        return KafkaClients.of(bootstrap, security).properties();
    }
}
