package io.marquee.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.personalize.server.support.ServerProcesses;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * Issue 15: a dataset group whose event log holds more recorded events than the object-per-event
 * replay could hold in a small heap (as after clickstream benchmarks: anonymous sessions viewing
 * items 1..3000). The packaged server restarts on that log in a JVM with -Xmx128m and
 * -XX:+ExitOnOutOfMemoryError, becomes ready and its campaign answers; with a cap below the
 * log's size it still starts, keeps the newest events and says in DescribeDatasetGroup what it dropped.
 */
class EventHistorySmallHeapIT {

    private static final int EVENTS = 600_000;
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDLOCAL", "local-secret"));

    private final List<Process> servers = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process server : servers) {
            stop(server);
        }
    }

    @Test
    void aLargeEventHistoryReplaysInASmallHeapAndBeyondTheCapTheOldestEventsAreDropped() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "event-history-").toAbsolutePath();
        Path imports = Files.createDirectories(data.resolve("imports"));

        // A group with a campaign, set up on an ordinary heap.
        int port = ServerProcesses.freePort();
        Process server = start(data, port, "256m", null);
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        PersonalizeClient control = control(endpoint);
        String version = SmallHeapIT.trainedVersion(control, "clicks", views(imports.resolve("clicks.csv")));
        String campaign = control.createCampaign(r -> r.name("clicks").solutionVersionArn(version)).campaignArn();
        assertThat(io.marquee.personalize.server.support.Clients.settle(() -> control.describeCampaign(
                r -> r.campaignArn(campaign)).campaign().status())).isEqualTo("ACTIVE");
        String groupArn = control.listDatasetGroups(r -> { }).datasetGroups().get(0).datasetGroupArn();
        stop(server);

        // What a few clickstream benchmarks leave behind, appended as the server writes it.
        Path log = data.resolve("groups").resolve(groupArn.substring(groupArn.lastIndexOf('/') + 1))
                .resolve("events.jsonl");
        Files.createDirectories(log.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            SplittableRandom random = new SplittableRandom(15);
            for (int i = 0; i < EVENTS; i++) {
                out.write("{\"k\":\"e\",\"u\":null,\"s\":\"bench-" + (i / 50_000) + "-" + (i / 20 % 2500)
                        + "\",\"i\":\"" + (1 + random.nextInt(3000)) + "\",\"t\":" + (1_796_652_709_297L + i * 7L)
                        + ",\"y\":\"view\"}\n");
            }
        }

        // The whole history, in a heap the object-per-event replay ran out of.
        port = ServerProcesses.freePort();
        server = start(data, port, "128m", null);
        endpoint = URI.create("http://127.0.0.1:" + port);
        assertThat(recommendations(endpoint, campaign, "bench-11-2499")).hasSize(10);
        assertThat(describeGroup(endpoint, groupArn).has("failureReason")).isFalse();
        assertThat(describeGroup(endpoint, groupArn).path("status").asText()).isEqualTo("ACTIVE");
        stop(server);

        // Capped below the history: it starts all the same, and says what it left out.
        port = ServerProcesses.freePort();
        server = start(data, port, "128m", "100000");
        endpoint = URI.create("http://127.0.0.1:" + port);
        assertThat(recommendations(endpoint, campaign, "bench-11-2499")).hasSize(10);
        JsonNode described = describeGroup(endpoint, groupArn);
        assertThat(described.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(described.path("failureReason").asText()).contains("kept the newest 100,000 of the 600,000 events")
                .contains("dropped the 500,000 oldest").contains("personalize.max-events is 100,000");
        assertThat(Files.readString(data.resolve("server.log"))).contains("dropped the 500,000 oldest");
    }

    /** 300 items (the ids the clickstream views), 100 users viewing bands of them. */
    private static Path views(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n");
        SplittableRandom random = new SplittableRandom(7);
        for (int u = 0; u < 100; u++) {
            int band = random.nextInt(300);
            for (int e = 0; e < 20; e++) {
                csv.append("user-").append(u).append(',').append(1 + (band + random.nextInt(15)) % 300).append(',')
                        .append(1_700_000_000L + e * 60L + u).append(",view,\n");
            }
        }
        Files.writeString(file, csv);
        return file;
    }

    private List<String> recommendations(URI endpoint, String campaign, String userId) {
        PersonalizeRuntimeClient runtime = PersonalizeRuntimeClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build();
        return runtime.getRecommendations(r -> r.campaignArn(campaign).userId(userId).numResults(10)).itemList()
                .stream().map(i -> i.itemId()).toList();
    }

    private static JsonNode describeGroup(URI endpoint, String groupArn) throws Exception {
        return SmallHeapIT.call(endpoint, "DescribeDatasetGroup", "{\"datasetGroupArn\":\"" + groupArn + "\"}")
                .path("datasetGroup");
    }

    private static PersonalizeClient control(URI endpoint) {
        return PersonalizeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private Process start(Path data, int port, String heap, String maxEvents) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-jar",
                System.getProperty("personalize.run-jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()));
        pb.environment().put("PERSONALIZE_DATA_DIR", data.toString());
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("PERSONALIZE_STATUS_STEP", "20ms");
        if (maxEvents != null) {
            pb.environment().put("PERSONALIZE_MAX_EVENTS", maxEvents);
        }
        Process server = pb.start();
        servers.add(server);
        ServerProcesses.awaitReady(server, URI.create("http://127.0.0.1:" + port));
        return server;
    }

    private static void stop(Process server) throws InterruptedException {
        if (server.isAlive()) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
