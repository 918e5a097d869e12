package io.marquee.ingest;

import io.marquee.common.kafka.TopicAccess;
import io.marquee.devstack.engine.Directories;
import io.marquee.devstack.engine.KafkaEngine;
import io.marquee.devstack.engine.Ports;
import io.marquee.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real Kafka KRaft broker, as test-support's resource starts it (SCRAM only, each service with
 * its own user and exactly its ACLs from TopicAccess, this service connecting as
 * event-ingest-service), but on fixed ports and a kept log directory so a test can stop it (an
 * outage) and start it again (the same cluster, with everything it had acknowledged). Every Kafka
 * client of the service (producer, relay, DLQ replay, Kafka Streams, readiness) therefore connects
 * only with its credentials and works only with the rights the chart grants it.
 */
public class RestartableKafka implements QuarkusTestResourceLifecycleManager {

    private static KafkaEngine engine;
    private static KafkaEngine.Scram admin;
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
            admin = KafkaBrokerResource.newAdmin();
            engine = KafkaEngine.startWithScram(port, controllerPort, logDir, admin);
            Map<String, String> config = new HashMap<>(
                    KafkaBrokerResource.provisionSuite(engine, admin, TopicAccess.EVENT_INGEST_SERVICE));
            // Kafka Streams' local state belongs to this broker's lifetime, but not in its log
            // directory: a broker refuses to start beside a directory that is not a partition's.
            streamsDir = Files.createTempDirectory("marquee-ingest-streams");
            config.put("ingest.sessions.state-dir", streamsDir.toString());
            return config;
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
            // The users and ACLs are in the cluster's metadata, kept in the log directory.
            engine = KafkaEngine.startWithScram(port, controllerPort, logDir, admin);
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
