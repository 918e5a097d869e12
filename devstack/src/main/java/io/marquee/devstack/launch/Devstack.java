package io.marquee.devstack.launch;

import io.marquee.common.events.Topics;
import io.marquee.devstack.data.DatasetFiles;
import io.marquee.devstack.demo.DemoDataLoader;
import io.marquee.devstack.engine.Directories;
import io.marquee.devstack.engine.DynamoDbLocalEngine;
import io.marquee.devstack.engine.KafkaEngine;
import io.marquee.devstack.engine.Ports;
import io.marquee.personalize.setup.DataLocation;
import io.marquee.personalize.setup.Names;
import io.marquee.personalize.setup.PersonalizeSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * The embedded default: starts DynamoDB Local, a Kafka broker, every service module of the
 * checkout and the demo data, in that order, and stops them in reverse on Ctrl-C or
 * {@code ./marquee down}. A piece that fails stops the start with a message naming it and its log.
 */
public final class Devstack {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** Training the demo's solutions takes well under a minute here; this bounds a stuck one. */
    private static final Duration PERSONALIZE_SETUP_TIMEOUT = Duration.ofMinutes(10);
    private static final String PERSONALIZE_REGION = "us-east-1";
    /** Personalize wants a role for imports; personalize-local accepts any well-formed one. */
    private static final String PERSONALIZE_LOCAL_IMPORT_ROLE = "arn:aws:iam::000000000000:role/personalize-local-import";
    /** personalize-local holds models and histories in memory: more heap than a service, same GC (2 GB: the demo's
     * models and a 100k-interaction dataset of the user's own train side by side, docs/adr/0017). */
    private static final List<String> PERSONALIZE_LOCAL_JAVA_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms64m", "-Xmx2g", "-XX:MaxMetaspaceSize=192m", "-XX:+ExitOnOutOfMemoryError");
    /** The devstack's first admin; ./marquee admin uses it by default. */
    static final String BOOTSTRAP_ADMIN = "admin@marquee.local";

    private final DevstackOptions options;
    private final StackLayout layout;
    private final PrintStream out;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private DynamoDbLocalEngine dynamo;
    private KafkaEngine kafka;
    /** Data directory of an in-memory run: Kafka's log and the dataset files, deleted at stop. */
    private Path temporaryDataDir;

    public Devstack(DevstackOptions options, PrintStream out) {
        this.options = options;
        this.layout = options.layout();
        this.out = out;
    }

    /** Starts everything, prints where to go, and blocks until the stack is stopped. */
    public void runUntilStopped() throws Exception {
        long started = System.nanoTime();
        List<ServiceSpec> modules = options.enginesOnly() ? List.of() : modulesInCheckout();
        refuseIfAlreadyRunning();
        refuseTakenPorts(modules);
        Files.createDirectories(layout.logs());
        Files.createDirectories(layout.dataDir());
        Files.writeString(layout.pidFile(), Long.toString(ProcessHandle.current().pid()));
        if (options.inMemory()) {
            // Nothing of an in-memory run may outlive it, or a later run would trust its load marker.
            temporaryDataDir = Files.createTempDirectory("marquee-data");
        }
        Thread shutdown = new Thread(this::stopAll, "devstack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            startEngines();
            Optional<DemoDataLoader.Prepared> data = prepareDataOnFirstStart();
            Optional<PersonalizeSetup.Training> training = startPersonalizeLocal();
            Map<String, String> personalizeEnv = training.map(t -> t.resources().environment())
                    .orElseGet(this::savedPersonalizeEnvironment);
            startServices(modules, personalizeEnv);
            // The models train while the services start and the demo data loads.
            Thread campaigns = null;
            AtomicReference<Exception> campaignFailure = new AtomicReference<>();
            if (training.isPresent()) {
                campaigns = new Thread(() -> {
                    try {
                        finishPersonalizeSetup(training.get());
                    } catch (Exception e) {
                        campaignFailure.set(e);
                    }
                }, "personalize-setup");
                campaigns.start();
            }
            if (data.isPresent()) {
                dataLoader().load(data.get());
            }
            if (campaigns != null) {
                campaigns.join();
                if (campaignFailure.get() != null) {
                    throw campaignFailure.get();
                }
            }
        } catch (Exception e) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            stopAll();
            throw e;
        }
        if (options.enginesOnly()) {
            say("engines ready on " + options.bindHost() + " (Kafka advertised as " + options.engines().advertisedHost() + ")");
            out.println("DEVSTACK ENGINES READY");
            out.flush();
        } else {
            printBanner(Duration.ofNanos(System.nanoTime() - started));
        }
        stopped.await();
    }

    private List<ServiceSpec> modulesInCheckout() {
        List<ServiceSpec> present = ServiceSpec.KNOWN.stream()
                .filter(s -> Files.isDirectory(layout.root().resolve(s.module())))
                .toList();
        List<String> unbuilt = present.stream()
                .filter(s -> !Files.isRegularFile(layout.quarkusRunJar(s.module())))
                .map(ServiceSpec::module).toList();
        if (!unbuilt.isEmpty()) {
            throw new StartFailure(String.join(", ", unbuilt), "not built: run ./marquee up (it builds what is "
                    + "missing) or ./mvnw package -DskipTests", null);
        }
        return present;
    }

    private void refuseIfAlreadyRunning() throws IOException {
        Optional<ProcessHandle> running = runningInstance(layout);
        if (running.isPresent()) {
            throw new StartFailure("devstack", "is already running with this home (pid " + running.get().pid()
                    + "); stop it with ./marquee down", null);
        }
    }

    private void refuseTakenPorts(List<ServiceSpec> modules) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("DynamoDB Local", options.ports().of(StackPorts.DYNAMODB));
        wanted.put("Kafka", options.ports().of(StackPorts.KAFKA));
        wanted.put("Kafka controller", options.ports().of(StackPorts.KAFKA_CONTROLLER));
        modules.forEach(s -> wanted.put(s.module(), options.ports().of(s.defaultPort())));
        if (personalizeLocalPresent()) {
            wanted.put("personalize-local", options.ports().of(ServiceSpec.PERSONALIZE_LOCAL.defaultPort()));
        }
        List<String> taken = wanted.entrySet().stream()
                .filter(e -> !Ports.isFree(e.getValue()))
                .map(e -> e.getKey() + " port " + e.getValue())
                .toList();
        if (!taken.isEmpty()) {
            throw new StartFailure("devstack", "cannot start: already in use: " + String.join(", ", taken)
                    + " (stop what uses them, or pass --port-offset N)", null);
        }
    }

    private void startEngines() throws Exception {
        Path engineLog = layout.logOf("engines");
        step("DynamoDB Local on port " + options.ports().of(StackPorts.DYNAMODB)
                + (options.inMemory() ? " (in memory)" : " (data in " + layout.dynamoDir() + ")"));
        try {
            dynamo = DynamoDbLocalEngine.start(options.ports().of(StackPorts.DYNAMODB),
                    options.inMemory() ? null : layout.dynamoDir());
        } catch (Exception e) {
            throw new StartFailure("DynamoDB Local", "did not start", engineLog, e);
        }
        Path kafkaDir = options.inMemory() ? temporaryDataDir.resolve("kafka") : layout.kafkaDir();
        step("Kafka broker (KRaft) on port " + options.ports().of(StackPorts.KAFKA) + " (log dir " + kafkaDir + ")");
        try {
            kafka = options.enginesOnly()
                    ? KafkaEngine.start(options.bindHost(), options.engines().advertisedHost(),
                            options.ports().of(StackPorts.KAFKA), options.ports().of(StackPorts.KAFKA_CONTROLLER), kafkaDir)
                    : KafkaEngine.start(options.ports().of(StackPorts.KAFKA), options.ports().of(StackPorts.KAFKA_CONTROLLER),
                            kafkaDir);
            kafka.createTopics(Topics.ALL);
        } catch (Exception e) {
            throw new StartFailure("Kafka", "did not start", engineLog, e);
        }
    }

    private void startServices(List<ServiceSpec> modules, Map<String, String> personalizeEnv) throws Exception {
        Map<String, String> env = serviceEnvironment(modules);
        env.putAll(personalizeEnv);
        if (!personalizeEnv.isEmpty()) {
            // recommendation-service signs its Personalize calls with the AWS SDK's default credentials
            // chain, as in production; personalize-local accepts any keys.
            env.put("AWS_ACCESS_KEY_ID", "personalize-local");
            env.put("AWS_SECRET_ACCESS_KEY", "personalize-local");
        }
        List<ServiceProcess> started = new ArrayList<>();
        for (ServiceSpec spec : modules) {
            int port = options.ports().of(spec.defaultPort());
            step(spec.module() + " on port " + port);
            ServiceProcess service = ServiceProcess.start(spec.module(), layout.quarkusRunJar(spec.module()), port,
                    layout.logOf(spec.module()), options.serviceJavaOptions(), env);
            services.add(service);
            started.add(service);
        }
        // All boot at once; waiting in order is fine because each wait is bounded by the same deadline.
        for (ServiceProcess service : started) {
            service.awaitReady(options.readyTimeout());
            say(service.name() + " is ready");
        }
    }

    /** One environment for every service: each reads the keys it knows and ignores the rest. */
    private Map<String, String> serviceEnvironment(List<ServiceSpec> modules) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", dynamo.endpoint());
        env.put("QUARKUS_DYNAMODB_AWS_REGION", DynamoDbLocalEngine.REGION);
        env.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE", "static");
        env.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", DynamoDbLocalEngine.ACCESS_KEY);
        env.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", DynamoDbLocalEngine.SECRET_KEY);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // A laptop stack answers only locally.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        // Until authentication exists, admin writes are open only on the embedded default.
        env.put("CATALOG_ADMIN_WRITES_ENABLED", "true");
        // user-service makes its signing key here at first start and reuses it after restarts.
        env.put("USERS_JWT_KEY_DIR", dataDir().resolve("user-service").resolve("keys").toString());
        // The gateway runs beside it on loopback: its X-Forwarded-For names the real client, whose
        // failed logins user-service throttles.
        env.put("USERS_CLIENT_ADDRESS_TRUSTED_PROXIES", "127.0.0.1,::1");
        // The first admin (docs/security.md): user-service creates it if no account holds the
        // address; ./marquee admin grant|revoke <email> logs in as it.
        env.put("USERS_BOOTSTRAP_ADMIN_EMAIL", BOOTSTRAP_ADMIN);
        env.put("USERS_BOOTSTRAP_ADMIN_PASSWORD", bootstrapAdminPassword());
        // Every laptop client is 127.0.0.1: the e2e suites and a developer trying the web app sign
        // up more accounts in an hour than production's 3 per address allow.
        env.put("GATEWAY_RATE_LIMIT_SIGNUP_CAPACITY", "50");
        env.put("GATEWAY_RATE_LIMIT_SIGNUP_REFILL", "50");
        for (ServiceSpec spec : modules) {
            String key = spec.restClientKey().toUpperCase().replace('-', '_');
            env.put("QUARKUS_REST_CLIENT_" + key + "_URL", "http://127.0.0.1:" + options.ports().of(spec.defaultPort()));
        }
        return env;
    }

    /**
     * The bootstrap admin's password: generated at the first start into
     * {@code <data dir>/user-service/admin-password} (owner-only), reused afterwards.
     */
    private String bootstrapAdminPassword() {
        Path file = dataDir().resolve("user-service").resolve("admin-password");
        try {
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(file.getParent());
                byte[] bytes = new byte[18];
                new SecureRandom().nextBytes(bytes);
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                Path written = Files.writeString(file.resolveSibling("admin-password.tmp"), password + "\n");
                try {
                    Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the data directory's own permissions apply.
                }
                Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
                say("admin account " + BOOTSTRAP_ADMIN + ": its password is in " + file);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the admin password in " + file, e);
        }
    }

    /** Writes the dataset files of a first start, so personalize-local can import them before services run. */
    private Optional<DemoDataLoader.Prepared> prepareDataOnFirstStart() throws Exception {
        if (!options.loadData()) {
            return Optional.empty();
        }
        return dataLoader().prepare(demoDir(), options.seed(), options.movieLensDir());
    }

    private DemoDataLoader dataLoader() {
        return new DemoDataLoader("http://127.0.0.1:" + options.ports().of(8082), kafka.bootstrapServers(), out);
    }

    private Path dataDir() {
        return options.inMemory() ? temporaryDataDir : layout.dataDir();
    }

    private Path demoDir() {
        return dataDir().resolve("demo");
    }

    private boolean personalizeLocalPresent() {
        return Files.isRegularFile(layout.quarkusRunJar(ServiceSpec.PERSONALIZE_LOCAL.module()));
    }

    /**
     * A later start trains nothing: the services get the resources an earlier start wrote down
     * (the tracking id for event-ingest-service, the campaign ARNs), else only the endpoint.
     */
    private Map<String, String> savedPersonalizeEnvironment() {
        if (!personalizeLocalPresent() || options.enginesOnly()) {
            return Map.of();
        }
        Map<String, String> env = new LinkedHashMap<>();
        Path saved = dataDir().resolve("personalize-local-resources.env");
        try {
            env.putAll(readEnvironmentFile(saved));
        } catch (IOException e) {
            say("could not read " + saved + " (" + e.getMessage() + "); services start without Personalize's ARNs");
        }
        env.put("PERSONALIZE_ENDPOINT_OVERRIDE", personalizeLocalUrl());
        return env;
    }

    /** {@code KEY=value} lines (comments skipped); empty when the file does not exist. */
    static Map<String, String> readEnvironmentFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return env;
        }
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return env;
    }

    private String personalizeLocalUrl() {
        return "http://127.0.0.1:" + options.ports().of(ServiceSpec.PERSONALIZE_LOCAL.defaultPort());
    }

    /**
     * Starts personalize-local and begins standing its resources up: on a first start it imports
     * the dataset files and starts training a solution per recipe; the event tracker and the
     * default filter are ready when this returns, the campaigns follow in
     * {@link #finishPersonalizeSetup}. Empty when there is nothing to set up.
     */
    private Optional<PersonalizeSetup.Training> startPersonalizeLocal() throws Exception {
        if (!personalizeLocalPresent()) {
            return Optional.empty();
        }
        ServiceSpec spec = ServiceSpec.PERSONALIZE_LOCAL;
        int port = options.ports().of(spec.defaultPort());
        Path dataDir = dataDir().resolve("personalize-local");
        step("personalize-local on port " + port + " (data in " + dataDir + ")");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PERSONALIZE_DATA_DIR", dataDir.toString());
        // file:// imports are read only under this root: the devstack's own files (demo, MovieLens) live here.
        env.put("PERSONALIZE_IMPORT_ROOT", System.getenv().getOrDefault("PERSONALIZE_IMPORT_ROOT", dataDir().toString()));
        env.put("QUARKUS_HTTP_HOST", options.bindHost());
        ServiceProcess engine = ServiceProcess.start("personalize-local", layout.quarkusRunJar(spec.module()), port,
                layout.logOf("personalize-local"), PERSONALIZE_LOCAL_JAVA_OPTIONS, env);
        services.add(engine);
        engine.awaitReady(options.readyTimeout());
        Path demo = demoDir();
        if (options.enginesOnly() || !Files.isRegularFile(demo.resolve(DatasetFiles.INTERACTIONS))) {
            say("personalize-local is ready, without data: nothing to train");
            return Optional.empty();
        }
        try (PersonalizeClient client = personalizeClient()) {
            return Optional.of(personalizeSetup(client).begin(new PersonalizeSetup.Files(
                    demo.resolve(DatasetFiles.INTERACTIONS), demo.resolve(DatasetFiles.ITEMS), Optional.empty())));
        } catch (RuntimeException e) {
            throw new StartFailure("personalize-local", "setup failed: " + e.getMessage(),
                    layout.logOf("personalize-local"), e);
        }
    }

    /** Waits for the models and creates the campaigns, then writes every ARN down for scripts and the CLI. */
    private void finishPersonalizeSetup(PersonalizeSetup.Training training) throws Exception {
        Path resourcesFile = dataDir().resolve("personalize-local-resources.env");
        try (PersonalizeClient client = personalizeClient()) {
            personalizeSetup(client).finish(training).writeEnvironment(resourcesFile);
            say("personalize-local campaigns are active; ARNs and tracking id in " + resourcesFile);
        } catch (RuntimeException e) {
            throw new StartFailure("personalize-local", "setup failed: " + e.getMessage(),
                    layout.logOf("personalize-local"), e);
        }
    }

    /** The same setup an SRE runs against AWS (personalize-setup, ADR 13), here on the local files in place. */
    private PersonalizeSetup personalizeSetup(PersonalizeClient client) {
        return new PersonalizeSetup(client, Names.DEFAULT, personalizeLocalUrl(), PERSONALIZE_REGION,
                PERSONALIZE_LOCAL_IMPORT_ROLE, DataLocation.LOCAL_FILE, PERSONALIZE_SETUP_TIMEOUT, out);
    }

    /** personalize-local accepts any signature; the SDK still wants keys. */
    private PersonalizeClient personalizeClient() {
        return PersonalizeClient.builder()
                .endpointOverride(java.net.URI.create(personalizeLocalUrl()))
                .region(Region.of(PERSONALIZE_REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private void printBanner(Duration took) {
        String gateway = "http://127.0.0.1:" + options.ports().of(StackPorts.GATEWAY);
        out.printf("%nMarquee is up (%.1f s).%n", took.toMillis() / 1000.0);
        out.println("  Open:     " + gateway + "/");
        out.println("  API:      " + gateway + "/api/v1/movies?genre=Comedy   (OpenAPI: " + gateway + "/q/openapi)");
        out.println("  Logs:     " + layout.logs());
        out.println("  Data:     " + (options.inMemory() ? "in memory (gone when stopped)" : layout.dataDir().toString()));
        out.println("  Stop:     Ctrl-C, or ./marquee down");
        long rss = Rss.ofPid(ProcessHandle.current().pid()) + services.stream().mapToLong(ServiceProcess::rssKb).sum();
        out.printf("  Memory:   %d MB resident in %d processes%n", rss / 1024, services.size() + 1);
        out.println("DEVSTACK READY " + gateway);
        out.flush();
    }

    /** Stops services, then Kafka, then DynamoDB; safe to call more than once. */
    public synchronized void stopAll() {
        if (stopped.getCount() == 0) {
            return;
        }
        out.println("[devstack] stopping");
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess service : services) {
            Thread t = new Thread(() -> {
                try {
                    service.stop(STOP_GRACE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-" + service.name());
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (dynamo != null) {
            try {
                dynamo.close();
            } catch (Exception e) {
                out.println("[devstack] DynamoDB Local did not stop cleanly: " + e.getMessage());
            }
        }
        if (temporaryDataDir != null) {
            Directories.deleteRecursively(temporaryDataDir);
        }
        // Last, so the engines' shutdown messages still reach engines.log.
        org.apache.logging.log4j.LogManager.shutdown();
        try {
            Files.deleteIfExists(layout.pidFile());
        } catch (IOException e) {
            out.println("[devstack] could not remove " + layout.pidFile() + ": " + e.getMessage());
        }
        out.println("[devstack] stopped");
        out.flush();
        stopped.countDown();
    }

    private void step(String what) {
        say("starting " + what);
    }

    private void say(String what) {
        out.println("[devstack] " + what);
        out.flush();
    }

    /** The devstack process recorded in the pid file of {@code layout}, if it is still alive. */
    public static Optional<ProcessHandle> runningInstance(StackLayout layout) throws IOException {
        if (!Files.exists(layout.pidFile())) {
            return Optional.empty();
        }
        String pid = Files.readString(layout.pidFile()).trim();
        try {
            return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
