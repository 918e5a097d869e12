package io.marquee.testsupport;

import io.marquee.devstack.engine.Directories;
import io.marquee.devstack.launch.ServiceProcess;
import io.marquee.personalize.setup.DataLocation;
import io.marquee.personalize.setup.Names;
import io.marquee.personalize.setup.PersonalizeResources;
import io.marquee.personalize.setup.PersonalizeSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * Runs the real personalize-local (its built {@code quarkus-run.jar}, named by the system property
 * {@code personalize-local.jar}) as a child process on a free port, stands up a small dataset
 * group through personalize-setup — the control-plane SDK client, exactly as against AWS —
 * and points the service's {@code personalize.*} configuration at the campaigns and filters.
 *
 * <p>The dataset: {@link #ITEMS} titles {@code t01..t60}; title n has genre {@link #genreOf} and year
 * {@link #yearOf}. Users {@code p01..p40} each watch titles of one genre and rate two of them.
 *
 * <p>Tests of an outage call {@link #stopEngine()} and {@link #startEngine()}: the process is
 * stopped and started again on the same port and data directory, and restores everything.
 * Credentials come from the SDK's default chain: this sets the {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey} system properties (personalize-local accepts any).
 */
public class PersonalizeLocalResource implements QuarkusTestResourceLifecycleManager {

    public static final int ITEMS = 60;
    public static final int USERS = 40;
    public static final List<String> GENRES = List.of("Action", "Comedy", "Drama", "Sci-Fi");

    private static final Duration READY = Duration.ofSeconds(90);
    /**
     * What a runtime caller reads (a {@code @ConfigMapping} refuses properties it does not map, so
     * only these are passed): the endpoint, the region, the campaigns it asks and the filters.
     */
    private static final java.util.regex.Pattern RUNTIME_KEYS = java.util.regex.Pattern.compile(
            "PERSONALIZE_(ENDPOINT_OVERRIDE|REGION|CAMPAIGNS_(FOR_YOU|SIMILAR_ITEMS|RANKING)_ARN|FILTERS_[A-Z_]+_ARN)");
    private static Engine engine;

    public static String item(int n) {
        return String.format("t%02d", n);
    }

    public static String genreOf(int n) {
        return GENRES.get(n % GENRES.size());
    }

    public static int yearOf(int n) {
        return 1990 + n % 5;
    }

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (engine == null) {
                engine = new Engine();
            }
            engine.start();
            PersonalizeResources resources = engine.setUp();
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
            Map<String, String> config = new HashMap<>();
            resources.environment().forEach((key, value) -> {
                if (RUNTIME_KEYS.matcher(key).matches()) {
                    config.put(property(key), value);
                }
            });
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("personalize-local did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (engine != null) {
            engine.stop();
        }
    }

    /** Stops personalize-local (an outage); its data stays. */
    public static synchronized void stopEngine() {
        engine.stop();
    }

    /** Starts personalize-local again on the same port and data, and waits until it is ready. */
    public static synchronized void startEngine() {
        try {
            engine.start();
        } catch (Exception e) {
            throw new IllegalStateException("personalize-local did not restart", e);
        }
    }

    /** {@code PERSONALIZE_CAMPAIGNS_FOR_YOU_ARN} as the property a {@code @ConfigMapping} reads: {@code personalize.campaigns.for-you-arn}. */
    static String property(String env) {
        String rest = env.substring("PERSONALIZE_".length()).toLowerCase();
        int dot = rest.indexOf('_');
        String group = dot < 0 ? null : rest.substring(0, dot);
        if ("campaigns".equals(group) || "filters".equals(group)) {
            return "personalize." + group + "." + rest.substring(dot + 1).replace('_', '-');
        }
        return "personalize." + rest.replace('_', '-');
    }

    /** The child process, its port and its data directory, kept across a stop and a start. */
    private static final class Engine {

        private final Path jar;
        private final Path home;
        private final int port;
        private ServiceProcess process;

        Engine() throws IOException {
            String location = System.getProperty("personalize-local.jar");
            if (location == null || !Files.isRegularFile(Path.of(location))) {
                throw new IllegalStateException("personalize-local is not built (" + location + "): build it with "
                        + "-pl <module> -am, which packages personalize-local/server first");
            }
            jar = Path.of(location);
            home = Files.createTempDirectory("personalize-local-test");
            // The engine outlives each test resource's stop (a later test class starts it again on
            // the same data), so its directory goes only when the test JVM ends, after the process.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop();
                Directories.deleteRecursively(home);
            }, "personalize-local-test-cleanup"));
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        void start() throws Exception {
            if (process != null && ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                return;
            }
            Map<String, String> env = new HashMap<>();
            env.put("PERSONALIZE_DATA_DIR", home.resolve("data").toString());
            // The dataset files are written to home (file:// imports are read only under the import root).
            env.put("PERSONALIZE_IMPORT_ROOT", home.toString());
            env.put("PERSONALIZE_STATUS_STEP", "20ms");
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            process = ServiceProcess.start("personalize-local", jar, port, home.resolve("personalize-local.log"),
                    List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), env);
            process.awaitReady(READY);
        }

        void stop() {
            if (process == null) {
                return;
            }
            ProcessHandle.of(process.pid()).ifPresent(handle -> {
                handle.destroy();
                handle.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        }

        PersonalizeResources setUp() throws IOException {
            Path interactions = home.resolve("interactions.csv");
            Path items = home.resolve("items.csv");
            writeDataset(interactions, items);
            try (PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
                 PersonalizeClient client = PersonalizeClient.builder().endpointOverride(java.net.URI.create(url()))
                         .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                         .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                         .build()) {
                return new PersonalizeSetup(client, Names.DEFAULT, url(), "us-east-1",
                        "arn:aws:iam::000000000000:role/personalize-local-import", DataLocation.LOCAL_FILE,
                        Duration.ofMinutes(5), quiet).setUp(new PersonalizeSetup.Files(interactions, items,
                        java.util.Optional.empty()));
            }
        }

        private static void writeDataset(Path interactions, Path items) {
            List<String> itemLines = new ArrayList<>(List.of("ITEM_ID,GENRES,YEAR,CREATION_TIMESTAMP"));
            for (int n = 1; n <= ITEMS; n++) {
                itemLines.add(item(n) + "," + genreOf(n) + "," + yearOf(n) + ",1700000000");
            }
            List<String> events = new ArrayList<>(List.of("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE"));
            long at = 1_700_000_000L;
            for (int u = 1; u <= USERS; u++) {
                int genre = u % GENRES.size();
                int k = 0;
                for (int n = 1; n <= ITEMS; n++) {
                    // Each user watches two thirds of one genre's titles, a different two thirds per user.
                    if (n % GENRES.size() == genre && (n + u) % 3 != 0) {
                        events.add(String.format("p%02d,%s,%d,watch,", u, item(n), at++));
                        if (k++ < 2) {
                            events.add(String.format("p%02d,%s,%d,rate,4.5", u, item(n), at++));
                        }
                    }
                }
            }
            try {
                Files.write(items, itemLines);
                Files.write(interactions, events);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
