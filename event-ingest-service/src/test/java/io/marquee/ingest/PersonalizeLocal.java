package io.marquee.ingest;

import io.marquee.devstack.engine.Directories;
import io.marquee.devstack.engine.Ports;
import io.marquee.devstack.launch.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * The real personalize-local (its packaged server, as the devstack runs it) with an event tracker,
 * and its fault switch on: a share of PutEvents calls is throttled or answered 503, and calls
 * with an item id starting with {@link #REFUSED_PREFIX} are refused for good. Every relay test runs
 * against these faults. The server's event log is read back to see what the tracker got.
 */
public class PersonalizeLocal implements QuarkusTestResourceLifecycleManager {

    public static final String REFUSED_PREFIX = "refused-";
    private static final Path JAR = Path.of("..", "personalize-local", "server", "target", "quarkus-app", "quarkus-run.jar");

    private static Path dataDir;
    private ServiceProcess server;

    @Override
    public Map<String, String> start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build personalize-local/server first "
                    + "(./mvnw -pl personalize-local/server,event-ingest-service -am verify)");
        }
        try {
            dataDir = Files.createTempDirectory("marquee-ingest-personalize");
            int port = Ports.free();
            Map<String, String> env = new HashMap<>();
            env.put("PERSONALIZE_DATA_DIR", dataDir.toString());
            env.put("PERSONALIZE_STATUS_STEP", "10ms");
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("PERSONALIZE_FAULTS_THROTTLE_SHARE", "0.2");
            env.put("PERSONALIZE_FAULTS_FAIL_SHARE", "0.1");
            env.put("PERSONALIZE_FAULTS_REJECT_ITEM_PREFIX", REFUSED_PREFIX);
            server = ServiceProcess.start("personalize-local", JAR.toAbsolutePath(), port, dataDir.resolve("server.log"),
                    List.of("-XX:+UseSerialGC", "-Xmx256m"), env);
            server.awaitReady(Duration.ofSeconds(90));
            String endpoint = "http://127.0.0.1:" + port;
            return Map.of("personalize.tracking-id", createTracker(endpoint),
                    "personalize.endpoint-override", endpoint,
                    "personalize.region", "us-east-1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Dataset group, interactions dataset and event tracker, each awaited until ACTIVE. */
    private static String createTracker(String endpoint) throws InterruptedException {
        try (PersonalizeClient client = PersonalizeClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            String group = client.createDatasetGroup(r -> r.name("ingest-test")).datasetGroupArn();
            await(() -> client.describeDatasetGroup(r -> r.datasetGroupArn(group)).datasetGroup().status());
            String schema = client.createSchema(r -> r.name("ingest-test-interactions").schema("""
                    {"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[
                      {"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},
                      {"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"},
                      {"name":"EVENT_VALUE","type":["null","float"]}],"version":"1.0"}""")).schemaArn();
            String dataset = client.createDataset(r -> r.name("ingest-test-interactions").datasetGroupArn(group)
                    .datasetType("Interactions").schemaArn(schema)).datasetArn();
            await(() -> client.describeDataset(r -> r.datasetArn(dataset)).dataset().status());
            String tracker = client.createEventTracker(r -> r.name("ingest-test").datasetGroupArn(group)).eventTrackerArn();
            await(() -> client.describeEventTracker(r -> r.eventTrackerArn(tracker)).eventTracker().status());
            return client.describeEventTracker(r -> r.eventTrackerArn(tracker)).eventTracker().trackingId();
        }
    }

    private static void await(Supplier<String> status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"ACTIVE".equals(status.get())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("personalize-local resource not ACTIVE: " + status.get());
            }
            Thread.sleep(20);
        }
    }

    /** How often the tracker recorded each item id, from personalize-local's event log. */
    public static Map<String, Integer> recordedItems() {
        Map<String, Integer> counts = new HashMap<>();
        for (LogLine entry : recordedInOrder()) {
            if (entry.i() != null) {
                counts.merge(entry.i(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The events the tracker recorded, in the order it recorded them (its append-only event log). */
    public static List<LogLine> recordedInOrder() {
        List<LogLine> recorded = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path log : files.filter(p -> p.getFileName().toString().equals("events.jsonl")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    var entry = io.marquee.ingest.kafka.EventJson.read(line, LogLine.class);
                    if (entry != null && "e".equals(entry.k())) {
                        recorded.add(entry);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return recorded;
    }

    /** One line of the event log: kind, user, session, item. */
    public record LogLine(String k, String u, String s, String i) {
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.stop(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dataDir != null) {
            Directories.deleteRecursively(dataDir);
        }
    }
}
