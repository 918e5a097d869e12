package io.marquee.personalize.setup;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real engines the export reads, in this JVM: DynamoDB Local in memory and a one-node Kafka
 * KRaft broker on a throw-away directory, on free ports. (The devstack's engine classes cannot be
 * used here: devstack depends on this module.)
 */
final class Engines implements AutoCloseable {

    final int dynamoPort;
    final int kafkaPort;
    private final DynamoDBProxyServer dynamo;
    private final KafkaRaftServer kafka;
    private final Path kafkaDir;

    private Engines(int dynamoPort, DynamoDBProxyServer dynamo, int kafkaPort, KafkaRaftServer kafka, Path kafkaDir) {
        this.dynamoPort = dynamoPort;
        this.dynamo = dynamo;
        this.kafkaPort = kafkaPort;
        this.kafka = kafka;
        this.kafkaDir = kafkaDir;
    }

    static Engines start() throws Exception {
        int dynamoPort = freePort();
        DynamoDBProxyServer dynamo = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(dynamoPort)});
        dynamo.start();

        int kafkaPort = freePort();
        int controllerPort = freePort();
        Path dir = Files.createTempDirectory("export-test-kafka");
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + kafkaPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        p.put("auto.create.topics.enable", "false");
        new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream())).setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString()).setDirectories(List.of(dir.toString()))
                .setMetadataLogDirectory(dir.toString()).setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION).setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .run();
        KafkaRaftServer kafka = new KafkaRaftServer(new KafkaConfig(p, false), Time.SYSTEM);
        kafka.startup();
        return new Engines(dynamoPort, dynamo, kafkaPort, kafka, dir);
    }

    String dynamoEndpoint() {
        return "http://127.0.0.1:" + dynamoPort;
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    DynamoDbClient dynamoClient() {
        return DynamoDbClient.builder().endpointOverride(URI.create(dynamoEndpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        kafka.shutdown();
        kafka.awaitShutdown();
        dynamo.stop();
        try (var files = Files.walk(kafkaDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
