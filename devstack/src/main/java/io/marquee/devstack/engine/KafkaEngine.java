package io.marquee.devstack.engine;

import io.marquee.common.events.Topics;
import io.marquee.common.kafka.KafkaClients;
import io.marquee.common.kafka.KafkaSecurity;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker in KRaft mode (one node acting as broker and controller) inside this
 * JVM. Its log directory persists across restarts unless the caller passes a temporary one.
 */
public final class KafkaEngine implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** The SCRAM listener's mechanism; the same as {@link io.marquee.common.kafka.KafkaAuthentication#SCRAM_SHA_512}. */
    private static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    /**
     * A broker that accepts only SCRAM-SHA-512 clients and authorizes every request by ACL, with
     * {@code adminUser} as its one super user (which the broker also uses itself).
     */
    public record Scram(String adminUser, String adminPassword) {
        public Scram {
            if (!adminUser.matches("[A-Za-z0-9._-]+") || !adminPassword.matches("[A-Za-z0-9._-]+")) {
                // The storage formatter's SCRAM argument syntax has no quoting.
                throw new IllegalArgumentException("SCRAM admin name and password: letters, digits, . _ - only");
            }
        }
    }

    private final int port;
    private final KafkaRaftServer server;
    private final Scram scram;

    private KafkaEngine(int port, KafkaRaftServer server, Scram scram) {
        this.port = port;
        this.server = server;
        this.scram = scram;
    }

    /**
     * Formats {@code logDir} on first use, then starts the broker on {@code port} and its controller on
     * {@code controllerPort} (0 picks free ports).
     */
    public static KafkaEngine start(int port, int controllerPort, Path logDir) throws Exception {
        return start(LOOPBACK, LOOPBACK, port, controllerPort, logDir);
    }

    /**
     * As {@link #start(int, int, Path)}, with the client listener on {@code bindHost} and announced
     * to clients as {@code advertisedHost}: in a cluster the broker binds every interface and
     * advertises its Service name. The controller listener always stays on loopback.
     */
    public static KafkaEngine start(String bindHost, String advertisedHost, int port, int controllerPort, Path logDir)
            throws Exception {
        return start(bindHost, advertisedHost, port, controllerPort, logDir, null);
    }

    /**
     * As {@link #start(int, int, Path)}, but clients must authenticate with SCRAM-SHA-512 and are
     * authorized by ACL ({@code scram} null: plaintext, everything allowed). The log directory
     * must be new: the admin credential is written when it is formatted.
     */
    public static KafkaEngine startWithScram(int port, int controllerPort, Path logDir, Scram scram) throws Exception {
        return start(LOOPBACK, LOOPBACK, port, controllerPort, logDir, scram);
    }

    private static KafkaEngine start(String bindHost, String advertisedHost, int port, int controllerPort, Path logDir,
                                     Scram scram) throws Exception {
        int brokerPort = port == 0 ? Ports.free() : port;
        int quorumPort = controllerPort == 0 ? Ports.free() : controllerPort;
        Files.createDirectories(logDir);
        String dir = logDir.toAbsolutePath().toString();

        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + quorumPort);
        String clients = scram == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        props.put("listeners", clients + "://" + bindHost + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://"
                + LOOPBACK + ":" + quorumPort);
        props.put("advertised.listeners", clients + "://" + advertisedHost + ":" + brokerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listener.security.protocol.map", clients + ":" + clients + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", clients);
        if (scram != null) {
            props.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
            props.put("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM);
            props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + scram.adminUser()
                            + "\" password=\"" + scram.adminPassword() + "\";");
            props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            // The controller listener (loopback, the node talking to itself) is unauthenticated: ANONYMOUS.
            props.put("super.users", "User:" + scram.adminUser() + ";User:ANONYMOUS");
        }
        props.put("log.dirs", dir);
        // A single node: internal topics cannot have more than one replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The compaction dedupe buffer defaults to 128 MB on-heap; 2 MB is plenty locally.
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "3");

        KafkaRaftServer server = EngineClassLoader.call(() -> {
            KafkaConfig config = new KafkaConfig(props, false);
            format(dir, scram);
            KafkaRaftServer s = new KafkaRaftServer(config, Time.SYSTEM);
            s.startup();
            return s;
        });
        return new KafkaEngine(brokerPort, server, scram);
    }

    private static void format(String dir, Scram scram) throws Exception {
        if (Files.exists(Path.of(dir, "meta.properties"))) {
            // Formatted on an earlier start: keep its cluster id and data. (Formatting again, even
            // with ignore-formatted, writes a bootstrap file for a new cluster id and the broker refuses it.)
            return;
        }
        Formatter formatter = new Formatter();
        if (scram != null) {
            // The admin's credential must exist before the broker starts: the broker uses it itself.
            formatter.setScramArguments(List.of(SCRAM_MECHANISM + "=[name=" + scram.adminUser() + ",password="
                    + scram.adminPassword() + "]"));
        }
        formatter
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(dir))
                .setMetadataLogDirectory(dir)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .run();
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** What an administrator's client needs: the brokers, and the admin's SCRAM credential if any. */
    public Map<String, Object> adminClientProperties() {
        KafkaSecurity security = scram == null ? KafkaSecurity.none()
                : KafkaSecurity.scram(scram.adminUser(), scram.adminPassword(), false);
        return KafkaClients.of(bootstrapServers(), security).properties();
    }

    /** A SCRAM-SHA-512 user (SCRAM brokers only); replaces the user's password if it exists. */
    public void upsertScramUser(String user, String password) throws Exception {
        if (scram == null) {
            throw new IllegalStateException("not a SCRAM broker");
        }
        try (Admin admin = Admin.create(adminClientProperties())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Creates the topics that do not exist yet, with their explicit partition counts. */
    public void createTopics(List<Topics.Spec> topics) throws Exception {
        try (Admin admin = Admin.create(adminClientProperties())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
