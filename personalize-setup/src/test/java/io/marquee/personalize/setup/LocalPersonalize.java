package io.marquee.personalize.setup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real personalize-local, its built {@code quarkus-run.jar} (system property
 * {@code personalize-local.jar}) run as a child process on a free port with its own data
 * directory, and a small dataset: 40 titles in four genres, 30 users who each watch one genre
 * and rate two titles of it. Public for the devstack's export tests (this module's test-jar).
 */
public final class LocalPersonalize implements AutoCloseable {

    public final Path home;
    public final int port;
    private final Process process;

    public LocalPersonalize() throws Exception {
        Path jar = Path.of(System.getProperty("personalize-local.jar", "missing"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("personalize-local is not built: " + jar);
        }
        home = Files.createTempDirectory("personalize-setup-test");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("personalize-local.log").toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("PERSONALIZE_DATA_DIR", home.resolve("data").toString());
        // The dataset is written under home (file:// imports are read only under the import root).
        builder.environment().put("PERSONALIZE_IMPORT_ROOT", home.toString());
        builder.environment().put("PERSONALIZE_STATUS_STEP", "20ms");
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("personalize-local did not start; see " + home);
            }
            Thread.sleep(200);
        }
        writeDataset();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path data() {
        return home.resolve("dataset");
    }

    private void writeDataset() throws IOException {
        Files.createDirectories(data());
        String[] genres = {"Action", "Comedy", "Drama", "Sci-Fi"};
        List<String> items = new ArrayList<>(List.of("ITEM_ID,GENRES,YEAR,CREATION_TIMESTAMP"));
        for (int n = 1; n <= 40; n++) {
            items.add("s" + n + "," + genres[n % 4] + "," + (1990 + n % 5) + ",1700000000");
        }
        List<String> events = new ArrayList<>(List.of("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE"));
        long at = 1_700_000_000L;
        for (int u = 1; u <= 30; u++) {
            int rated = 0;
            for (int n = 1; n <= 40; n++) {
                if (n % 4 == u % 4 && (n + u) % 3 != 0) {
                    events.add("v" + u + ",s" + n + "," + at++ + ",watch,");
                    if (rated++ < 2) {
                        events.add("v" + u + ",s" + n + "," + at++ + ",rate,4.0");
                    }
                }
            }
        }
        Files.write(data().resolve("items.csv"), items);
        Files.write(data().resolve("interactions.csv"), events);
        Files.write(data().resolve("users.csv"), List.of("USER_ID,AGE,GENDER", "v1,30,female", "v2,41,male"));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
        // Its data, log and dataset: nothing of a test's engine is kept after the test.
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
