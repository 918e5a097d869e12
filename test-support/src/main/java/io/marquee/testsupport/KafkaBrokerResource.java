package io.marquee.testsupport;

import io.marquee.common.events.Topics;
import io.marquee.devstack.engine.Directories;
import io.marquee.devstack.engine.KafkaEngine;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a real Kafka KRaft broker on free ports with a throw-away log directory, creates
 * Marquee's topics, and points Quarkus messaging at it ({@code kafka.bootstrap.servers}).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private KafkaEngine engine;
    private Path logDir;

    @Override
    public Map<String, String> start() {
        // Quarkus starts test resources on pool threads whose context loader may not be the one
        // holding kafka-clients; Kafka loads its JmxReporter through the context loader and then
        // fails now and then with a ClassCastException.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(org.apache.kafka.common.utils.Utils.class.getClassLoader());
        try {
            return startBroker();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Map<String, String> startBroker() {
        try {
            logDir = Files.createTempDirectory("marquee-kafka-test");
            engine = KafkaEngine.start(0, 0, logDir);
            engine.createTopics(Topics.ALL);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not start", e);
        }
        return Map.of("kafka.bootstrap.servers", engine.bootstrapServers());
    }

    @Override
    public void stop() {
        if (engine != null) {
            engine.close();
        }
        if (logDir != null) {
            Directories.deleteRecursively(logDir);
        }
    }
}
