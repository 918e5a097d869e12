package io.marquee.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marquee.personalize.server.support.Fixture;
import io.marquee.personalize.server.support.ServerProcesses;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DataSource;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * The packaged server in a JVM of its own with a deliberately small heap (as a crowded devstack
 * has): while a campaign of a small dataset group answers, a dataset group whose dense models,
 * as configured, need several times the heap trains. The process must survive (it runs with
 * -XX:+ExitOnOutOfMemoryError, so an out-of-memory would end it), the campaign must answer every
 * request meanwhile, and the version must end ACTIVE trained smaller, saying so, or CREATE FAILED
 * saying why.
 */
class SmallHeapIT {

    private static final String UP = "arn:aws:personalize:::recipe/aws-user-personalization-v2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void aLargeTrainingOnASmallHeapTrainsSmallerOrFailsWhileTheCampaignKeepsAnswering() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "small-heap-").toAbsolutePath();
        Path imports = Files.createDirectories(data.resolve("imports"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-jar",
                System.getProperty("personalize.run-jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile());
        pb.environment().put("PERSONALIZE_DATA_DIR", data.toString());
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("PERSONALIZE_STATUS_STEP", "20ms");
        server = pb.start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        ServerProcesses.awaitReady(server, endpoint);

        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDLOCAL", "local-secret"));
        PersonalizeClient control = PersonalizeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        PersonalizeRuntimeClient runtime = PersonalizeRuntimeClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();

        // A small group with a campaign: 200 items, 100 users.
        String smallVersion = trainedVersion(control, "small", interactions(imports.resolve("small.csv"), 100, 30, 200));
        String campaign = control.createCampaign(r -> r.name("small").solutionVersionArn(smallVersion)).campaignArn();
        assertThat(settle(() -> control.describeCampaign(r -> r.campaignArn(campaign)).campaign().status()))
                .isEqualTo("ACTIVE");

        // A larger group: 5,000 items; EASE over all of them alone would need ~700 MB.
        String group = activeGroup(control, "large", interactions(imports.resolve("large.csv"), 2500, 40, 5000));
        String solution = control.createSolution(r -> r.name("large").datasetGroupArn(group).recipeArn(UP))
                .solutionArn();
        settle(() -> control.describeSolution(r -> r.solutionArn(solution)).solution().status());
        AtomicBoolean training = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<Throwable> failures = new ArrayList<>();
        Thread poller = new Thread(() -> {
            while (training.get()) {
                try {
                    assertThat(runtime.getRecommendations(r -> r.campaignArn(campaign).userId("u7").numResults(5))
                            .itemList()).hasSize(5);
                    answered.incrementAndGet();
                } catch (Throwable t) {
                    synchronized (failures) {
                        failures.add(t);
                    }
                }
            }
        });
        poller.start();
        String version = control.createSolutionVersion(r -> r.solutionArn(solution)).solutionVersionArn();
        String status = settle(() -> control.describeSolutionVersion(r -> r.solutionVersionArn(version))
                .solutionVersion().status());
        training.set(false);
        poller.join();

        assertThat(server.isAlive()).as("the server survived the training").isTrue();
        assertThat(failures).as("campaign requests during the training").isEmpty();
        assertThat(answered.get()).isPositive();
        JsonNode described = call(endpoint, "DescribeSolutionVersion",
                "{\"solutionVersionArn\":\"" + version + "\"}").path("solutionVersion");
        if (status.equals("ACTIVE")) {
            assertThat(described.path("description").asText()).contains("Trained smaller to fit in memory");
            assertThat(described.path("tunedHPOParams").path("algorithmHyperParameters").path("max_dense_items")
                    .asInt()).isLessThan(5000);
            assertThat(runtime.getRecommendations(r -> r.campaignArn(campaign).userId("u7")).itemList()).isNotEmpty();
        } else {
            assertThat(status).isEqualTo("CREATE FAILED");
            assertThat(described.path("failureReason").asText()).contains("Not enough memory to train");
        }
    }

    /** {@code users} users with {@code each} events over {@code items} items, each user favouring a band of them. */
    static Path interactions(Path file, int users, int each, int items) throws IOException {
        StringBuilder csv = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(users);
        for (int u = 0; u < users; u++) {
            int band = random.nextInt(items);
            for (int e = 0; e < each; e++) {
                int item = (band + random.nextInt(Math.max(1, items / 20))) % items;
                csv.append('u').append(u).append(",i").append(item).append(',').append(1_700_000_000L + e * 60L + u)
                        .append(",watch,\n");
            }
        }
        Files.writeString(file, csv);
        return file;
    }

    static String activeGroup(PersonalizeClient control, String name, Path csv) {
        String group = control.createDatasetGroup(r -> r.name(name)).datasetGroupArn();
        settle(() -> control.describeDatasetGroup(r -> r.datasetGroupArn(group)).datasetGroup().status());
        String schema = control.createSchema(r -> r.name(name).schema(Fixture.INTERACTIONS_SCHEMA)).schemaArn();
        String dataset = control.createDataset(r -> r.name(name).datasetGroupArn(group).datasetType("INTERACTIONS")
                .schemaArn(schema)).datasetArn();
        settle(() -> control.describeDataset(r -> r.datasetArn(dataset)).dataset().status());
        String job = control.createDatasetImportJob(r -> r.jobName(name).datasetArn(dataset)
                .dataSource(DataSource.builder().dataLocation(csv.toUri().toString()).build())).datasetImportJobArn();
        assertThat(settle(() -> control.describeDatasetImportJob(r -> r.datasetImportJobArn(job)).datasetImportJob()
                .status())).isEqualTo("ACTIVE");
        return group;
    }

    static String trainedVersion(PersonalizeClient control, String name, Path csv) {
        String group = activeGroup(control, name, csv);
        String solution = control.createSolution(r -> r.name(name).datasetGroupArn(group).recipeArn(UP)).solutionArn();
        settle(() -> control.describeSolution(r -> r.solutionArn(solution)).solution().status());
        String version = control.createSolutionVersion(r -> r.solutionArn(solution)).solutionVersionArn();
        assertThat(settle(() -> control.describeSolutionVersion(r -> r.solutionVersionArn(version)).solutionVersion()
                .status())).isEqualTo("ACTIVE");
        return version;
    }

    static JsonNode call(URI endpoint, String operation, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "AmazonPersonalize." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static String settle(Supplier<String> status) {
        return io.marquee.personalize.server.support.Clients.settle(status);
    }
}
