package io.marquee.ingest;

import io.marquee.common.events.Topics;
import io.marquee.devstack.engine.Directories;
import io.marquee.devstack.engine.KafkaEngine;
import io.marquee.devstack.engine.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real Kafka KRaft broker, as test-support's resource starts it, but on fixed ports and a
 * kept log directory so a test can stop it (an outage) and start it again (the same cluster,
 * with everything it had acknowledged).
 */
public class RestartableKafka implements QuarkusTestResourceLifecycleManager {

    private static KafkaEngine engine;
    private static Path logDir;
    private static Path streamsDir;
    private static int port;
    private static int controllerPort;

    @Override
    public Map<String, String> start() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Kafka loads its JmxReporter through the context loader (see test-support's KafkaBrokerResource).
        thread.setContextClassLoader(org.apache.kafka.common.utils.Utils.class.getClassLoader());
        try {
            logDir = Files.createTempDirectory("marquee-ingest-kafka");
            port = Ports.free();
            controllerPort = Ports.free();
            engine = KafkaEngine.start(port, controllerPort, logDir);
            engine.createTopics(Topics.ALL);
            // Kafka Streams' local state belongs to this broker's lifetime, but not in its log
            // directory: a broker refuses to start beside a directory that is not a partition's.
            streamsDir = Files.createTempDirectory("marquee-ingest-streams");
            return Map.of("kafka.bootstrap.servers", engine.bootstrapServers(),
                    "ingest.sessions.state-dir", streamsDir.toString());
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not start", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Stops the broker: clients see an outage. */
    public static synchronized void stopBroker() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    /** Starts the broker again on the same ports and data. */
    public static synchronized void startBroker() {
        if (engine != null) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(org.apache.kafka.common.utils.Utils.class.getClassLoader());
        try {
            engine = KafkaEngine.start(port, controllerPort, logDir);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not restart", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void stop() {
        stopBroker();
        if (logDir != null) {
            Directories.deleteRecursively(logDir);
        }
        if (streamsDir != null) {
            Directories.deleteRecursively(streamsDir);
        }
    }
}
