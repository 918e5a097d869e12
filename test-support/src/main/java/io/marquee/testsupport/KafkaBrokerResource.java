package io.marquee.testsupport;

import io.marquee.common.events.Topics;
import io.marquee.common.kafka.KafkaTopicSetup;
import io.marquee.common.kafka.TopicAccess;
import io.marquee.devstack.engine.Directories;
import io.marquee.devstack.engine.KafkaEngine;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * Starts a real Kafka KRaft broker on free ports with a throw-away log directory, creates
 * Marquee's topics, and points Quarkus messaging at it ({@code kafka.bootstrap.servers}).
 *
 * <p>With the init argument {@code service} (e.g.
 * {@code @QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "service", value = "catalog-service"))})
 * the broker is the production shape: it accepts only SCRAM-SHA-512 clients, authorizes by ACL,
 * and grants each service exactly what {@link TopicAccess#ALL} says, through the same
 * {@link KafkaTopicSetup} the chart's topic Job runs. The service gets its own credentials
 * ({@code marquee.kafka.*}), so a client that ignores {@code io.marquee.common.kafka.KafkaClients}
 * cannot connect, and one that needs a right the table does not grant fails. The tests' own
 * clients use {@link TestKafka#harnessProperties()} (the broker's admin).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    /** The keys under which the harness's (admin) credentials reach {@link TestKafka}. */
    static final String HARNESS_USERNAME = "marquee.test.kafka.harness-username";
    static final String HARNESS_PASSWORD = "marquee.test.kafka.harness-password";

    private KafkaEngine engine;
    private Path logDir;
    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
    }

    @Override
    public Map<String, String> start() {
        // Quarkus starts test resources on pool threads whose context loader may not be the one
        // holding kafka-clients; Kafka loads its JmxReporter through the context loader and then
        // fails now and then with a ClassCastException.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(org.apache.kafka.common.utils.Utils.class.getClassLoader());
        try {
            return service == null ? startPlaintext() : startScram(service);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not start", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Map<String, String> startPlaintext() throws Exception {
        logDir = Files.createTempDirectory("marquee-kafka-test");
        engine = KafkaEngine.start(0, 0, logDir);
        engine.createTopics(Topics.ALL);
        return Map.of("kafka.bootstrap.servers", engine.bootstrapServers());
    }

    private Map<String, String> startScram(String service) throws Exception {
        logDir = Files.createTempDirectory("marquee-kafka-test");
        KafkaEngine.Scram admin = newAdmin();
        engine = KafkaEngine.startWithScram(0, 0, logDir, admin);
        return provisionSuite(engine, admin, service);
    }

    /** A new random admin (super user) credential for {@link KafkaEngine#startWithScram}. */
    public static KafkaEngine.Scram newAdmin() {
        return new KafkaEngine.Scram("marquee-admin", secret());
    }

    /**
     * On a SCRAM broker started with {@code admin}: a user with a random password for every service,
     * the suite's topics and exactly the ACLs {@link TopicAccess} grants (through {@link KafkaTopicSetup},
     * as the chart's topic Job does). Answers the Quarkus configuration of {@code service}: the
     * brokers, its own credentials, and the harness's for {@link TestKafka}.
     */
    public static Map<String, String> provisionSuite(KafkaEngine engine, KafkaEngine.Scram admin, String service)
            throws Exception {
        Map<String, String> passwords = new HashMap<>();
        for (String name : TopicAccess.services()) {
            passwords.put(name, secret());
            engine.upsertScramUser(name, passwords.get(name));
        }
        if (!passwords.containsKey(service)) {
            // A service that reads and writes no topic still authenticates; it is granted nothing.
            passwords.put(service, secret());
            engine.upsertScramUser(service, passwords.get(service));
        }
        try (Admin client = Admin.create(engine.adminClientProperties())) {
            KafkaTopicSetup.apply(client, KafkaTopicSetup.Plan.forSuite((short) 1, true));
        }
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", engine.bootstrapServers());
        config.put("marquee.kafka.authentication", "SCRAM_SHA_512");
        config.put("marquee.kafka.tls", "false");
        config.put("marquee.kafka.username", service);
        config.put("marquee.kafka.password", passwords.get(service));
        config.put(HARNESS_USERNAME, admin.adminUser());
        config.put(HARNESS_PASSWORD, admin.adminPassword());
        return config;
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
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
