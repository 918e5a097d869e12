package io.marquee.devstack.launch;

import io.marquee.common.events.Topics;
import io.marquee.devstack.data.DatasetFiles;
import io.marquee.devstack.demo.DemoDataLoader;
import io.marquee.devstack.engine.Directories;
import io.marquee.devstack.engine.DynamoDbLocalEngine;
import io.marquee.devstack.engine.KafkaEngine;
import io.marquee.devstack.engine.ConsumerProgress;
import io.marquee.devstack.engine.Ports;
import io.marquee.personalize.setup.DataLocation;
import io.marquee.personalize.setup.Names;
import io.marquee.personalize.setup.PersonalizeResources;
import io.marquee.personalize.setup.PersonalizeSetup;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * The embedded default: starts DynamoDB Local, a Kafka broker, every service module of the
 * checkout and the demo data, in that order, and stops them in reverse on Ctrl-C or
 * {@code ./marquee down}. A piece that fails stops the start with a message naming it and its log.
 *
 * <p>READY is printed as soon as the API can be used: every service ready and the catalog holding
 * the movies. What takes longer goes on in the background, with its progress in
 * {@code ./marquee status}: training and the campaigns, publishing the demo history, and the
 * services' consumers absorbing it. From the first readiness of each child on, the
 * {@link Supervisor} restarts it if it dies.
 */
public final class Devstack {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** Training the demo's solutions takes well under a minute here; this bounds a stuck one. */
    private static final Duration PERSONALIZE_SETUP_TIMEOUT = Duration.ofMinutes(10);
    private static final String PERSONALIZE_REGION = "us-east-1";
    /** Personalize wants a role for imports; personalize-local accepts any well-formed one. */
    private static final String PERSONALIZE_LOCAL_IMPORT_ROLE = "arn:aws:iam::000000000000:role/personalize-local-import";
    /** The niceness of personalize-local's job thread, where its trainings run (services run at 0). */
    static final int BACKGROUND_NICENESS = 10;
    /**
     * personalize-local holds models and histories in memory: more heap than a service, same GC (2 GB: the demo's
     * models and a 100k-interaction dataset of the user's own train side by side, docs/adr/0017).
     * Its request threads run at the services' OS priority, its one job thread (imports, trainings)
     * at niceness 10: Java's lowest thread priority, which the JVM maps to the OS's only when told
     * (ThreadPriorityPolicy=1; lowering needs no privilege, though the JVM warns that raising would). Under contention the kernel gives a
     * thread at 10 about a tenth of what one at 0 gets, and all of it when the cores are idle. The
     * priorities above normal (the JVM's own reference and finalizer threads) map to 0, not below.
     */
    static final List<String> PERSONALIZE_LOCAL_JAVA_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms64m", "-Xmx2g", DevstackOptions.METASPACE_FOR_A_SERVICE, "-XX:MaxMetaspaceSize=192m",
            "-XX:+ExitOnOutOfMemoryError", "-XX:ThreadPriorityPolicy=1",
            "-XX:JavaPriority1_To_OSPriority=" + BACKGROUND_NICENESS,
            "-XX:JavaPriority6_To_OSPriority=0", "-XX:JavaPriority7_To_OSPriority=0", "-XX:JavaPriority8_To_OSPriority=0",
            "-XX:JavaPriority9_To_OSPriority=0", "-XX:JavaPriority10_To_OSPriority=0");

    /** The devstack's first admin; ./marquee admin uses it by default. */
    static final String BOOTSTRAP_ADMIN = "admin@marquee.local";

    private final DevstackOptions options;
    private final StackLayout layout;
    private final PrintStream out;
    /** How often the status file is rewritten (and consumer progress asked for) without a change. */
    private static final Duration STATUS_EVERY = Duration.ofSeconds(3);
    /** Attempts of the background personalize-local setup (a restart of the engine fails a training). */
    private static final int SETUP_ATTEMPTS = 3;
    /** How long the first visitor's reads may take to answer before READY is printed anyway. */
    static final Duration WARM_UP_LIMIT = Duration.ofSeconds(90);
    static final String SETUP = "personalize-local setup";
    static final String HISTORY = "demo history";
    /**
     * How long a stop may spend having the children write their class archives (ADR 0035), before
     * they get their SIGTERM; children not reached record theirs at the next stop.
     */
    private static final Duration CLASS_ARCHIVES_BUDGET = Duration.ofSeconds(45);
    /**
     * The demo history goes out after READY from the launcher's JVM, which also runs DynamoDB Local
     * and the broker: at full speed (254k records in about 20 s) it was the busiest work there just
     * when the first requests come (a read right after READY once answered 504). The consumers
     * absorb 50–150 events a second, so this pace delays none of them.
     */
    private static final double HISTORY_EVENTS_PER_SECOND = 3_000;
    private static final String CATALOG = "catalog-service";

    private final Supervisor supervisor;
    private final List<Supervisor.Snapshot> engines = new CopyOnWriteArrayList<>();
    private final Map<String, StackStatus.Background> background = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Thread> backgroundThreads = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService statusTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "devstack-status");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile String phase = "starting";
    private volatile boolean stopping;
    private volatile List<ConsumerProgress.Group> consumers = List.of();
    /**
     * Opened at READY, not with the engines: before READY no consumer has background work anyone
     * waits on, and each round (every group listed, described and its offsets asked, every
     * {@link #STATUS_EVERY}) is work for this JVM and the broker while seven JVMs boot on the same
     * cores. On a restart the status thread and its admin client were 8 % of the launcher's profile
     * samples by READY (docs/benchmarks.md, "where a restart's time goes").
     */
    private volatile ConsumerProgress consumerProgress;
    private DynamoDbLocalEngine dynamo;
    private KafkaEngine kafka;
    /** Data directory of an in-memory run: Kafka's log and the dataset files, deleted at stop. */
    private Path temporaryDataDir;

    public Devstack(DevstackOptions options, PrintStream out) {
        this.options = options;
        this.layout = options.layout();
        this.out = out;
        this.supervisor = new Supervisor(Supervisor.Policy.standard(options.readyTimeout()), this::say,
                this::statusChanged);
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
        statusTimer.scheduleWithFixedDelay(this::refreshStatus, 0, STATUS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        Optional<DemoDataLoader.Prepared> data;
        Optional<PersonalizeResources> prepared;
        try {
            // personalize-local's JVM boots while the engines start and the data is generated.
            Optional<Supervisor.Child> engine = launchPersonalizeLocal();
            // The demo data is generated (one core, about 15 s) while the engines start: neither needs the other.
            java.util.concurrent.CompletableFuture<Optional<DemoDataLoader.Prepared>> generated =
                    java.util.concurrent.CompletableFuture.supplyAsync(this::prepareDataOnFirstStart);
            // On a restart the ARNs are those the last start wrote down (they follow from the
            // resources' names, and the tracker keeps its id), so no service waits for the setup.
            Optional<Map<String, String>> knownEnv = personalizeEnvironmentOfLastStart();
            List<Supervisor.Child> early;
            try {
                startEngines();
                // Every service that needs nothing from the setup boots while the data is generated
                // and personalize-local imports it; the catalog first, so the movie load begins sooner.
                early = startServicesBeforeSetup(modules, knownEnv);
            } finally {
                data = joinUnwrapped(generated);
            }
            prepared = setUpPersonalizeLocal(engine);
            Map<String, String> personalizeEnv = prepared.map(PersonalizeResources::environment)
                    .orElseGet(this::savedPersonalizeEnvironment);
            knownEnv.filter(known -> !known.equals(personalizeEnv)).ifPresent(known ->
                    say("personalize-local's ARNs differ from the last start's: restart the stack so that "
                            + "recommendation- and event-ingest-service read the new ones"));
            // The movies are what the API serves: they are in before READY, loaded as soon as the
            // catalog is ready. The history's events, the models and the campaigns follow in the background.
            startServices(modules, early, personalizeEnv, data);
            // Only a stack with the catalog behind its gateway has a first visitor's reads to warm.
            if (modules.stream().map(ServiceSpec::module).toList().containsAll(List.of("gateway", "catalog-service"))) {
                say("sending a first visitor's reads through the gateway");
                warmUp(modules.stream().map(ServiceSpec::module).collect(java.util.stream.Collectors.toSet()));
            }
        } catch (Exception e) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdown);
            } catch (IllegalStateException alreadyStopping) {
                // The hook is running (./marquee down during the start): it stops everything.
            }
            stopAll();
            throw e;
        }
        // The trainings start only now, once the services answer: started before them, they took
        // the cores the six JVMs needed to boot (docs/benchmarks.md, "Devstack: ready in a minute").
        prepared.ifPresent(r -> inBackground(SETUP, () -> trainAndCreateCampaigns(r)));
        data.ifPresent(d -> inBackground(HISTORY, () -> publishHistory(d)));
        consumerProgress = new ConsumerProgress(kafka.bootstrapServers());
        phase = "ready";
        statusChanged();
        if (options.enginesOnly()) {
            say("engines ready on " + options.bindHost() + " (Kafka advertised as " + options.engines().advertisedHost() + ")");
            out.println("DEVSTACK ENGINES READY");
            out.flush();
        } else {
            printBanner(Duration.ofNanos(System.nanoTime() - started));
        }
        stopped.await();
    }

    /** Runs {@code work} on its own thread; its progress is the {@code name} entry of the status. */
    private void inBackground(String name, Runnable work) {
        progress(name, "running", "starting");
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                if (!stopping) {
                    progress(name, "failed", e.getMessage());
                    say(name + " failed: " + e.getMessage());
                }
            }
        }, "devstack-" + name.replace(' ', '-'));
        t.setDaemon(true);
        backgroundThreads.add(t);
        t.start();
    }

    private void progress(String name, String state, String detail) {
        background.put(name, new StackStatus.Background(name, state, detail));
        statusChanged();
    }

    /** Sends the demo history to Kafka; the services' consumers absorb it at their pace (see the status). */
    private void publishHistory(DemoDataLoader.Prepared data) {
        progress(HISTORY, "running", "publishing " + String.format("%,d", data.dataset().interactions().size())
                + " events to Kafka");
        try {
            dataLoader().publishHistory(data);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            throw new IllegalStateException("publishing the demo history: " + e.getMessage(), e);
        }
        progress(HISTORY, "done", "published " + String.format("%,d", data.dataset().interactions().size())
                + " events; the consumers below absorb them");
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
        modules.forEach(s -> wanted.put(s.module() + " management", options.ports().of(s.defaultManagementPort())));
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
        // The two engines need nothing of each other: DynamoDB Local opens its tables on another
        // thread while the broker starts (about 1.5 s of a restart's first 5 s, one after the other).
        java.util.concurrent.CompletableFuture<DynamoDbLocalEngine> dynamoStarted = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return DynamoDbLocalEngine.start(options.ports().of(StackPorts.DYNAMODB),
                                options.inMemory() ? null : layout.dynamoDir());
                    } catch (Exception e) {
                        throw new StartFailure("DynamoDB Local", "did not start", engineLog, e);
                    }
                }, runnable -> new Thread(runnable, "devstack-dynamodb-start").start());
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
        } finally {
            // Kept even when Kafka failed, so that the stop closes it.
            dynamo = joinUnwrapped(dynamoStarted);
        }
        long launcher = ProcessHandle.current().pid();
        engines.add(new Supervisor.Snapshot("dynamodb-local", Supervisor.State.UP, launcher,
                options.ports().of(StackPorts.DYNAMODB), 0, null, null, engineLog.toString()));
        engines.add(new Supervisor.Snapshot("kafka", Supervisor.State.UP, launcher,
                options.ports().of(StackPorts.KAFKA), 0, null, null, engineLog.toString()));
        statusChanged();
    }

    /**
     * Starts catalog-service first, then every other service that needs none of the setup's ARNs,
     * and, when {@code knownEnv} holds the last start's ARNs, those that do.
     */
    private List<Supervisor.Child> startServicesBeforeSetup(List<ServiceSpec> modules,
                                                            Optional<Map<String, String>> knownEnv) throws IOException {
        List<ServiceSpec> early = new ArrayList<>();
        modules.stream().filter(s -> s.module().equals(CATALOG)).forEach(early::add);
        modules.stream().filter(s -> !s.module().equals(CATALOG) && (!s.needsPersonalizeArns() || knownEnv.isPresent()))
                .forEach(early::add);
        // personalize-local's endpoint is known before its setup: the gateway's status page probes it.
        Map<String, String> env = servicesEnvironment(modules, knownEnv.orElseGet(this::personalizeEndpoint));
        List<Supervisor.Child> started = new ArrayList<>();
        for (ServiceSpec spec : early) {
            started.add(startService(spec, env));
        }
        return started;
    }

    /**
     * The ARNs the last start wrote down, when this start is a restart of a stack whose data was
     * loaded and whose setup had run: personalize-local then finds every resource it created.
     */
    private Optional<Map<String, String>> personalizeEnvironmentOfLastStart() {
        if (!personalizeLocalPresent() || options.enginesOnly() || !Files.isRegularFile(resourcesFile())
                || !DemoDataLoader.loadedBefore(demoDir())) {
            return Optional.empty();
        }
        Map<String, String> saved = savedPersonalizeEnvironment();
        return saved.size() > 1 ? Optional.of(saved) : Optional.empty(); // more than the endpoint alone
    }

    /** personalize-local's endpoint alone, for the services that start before its setup has given the ARNs. */
    private Map<String, String> personalizeEndpoint() {
        return personalizeLocalPresent() && !options.enginesOnly()
                ? Map.of("PERSONALIZE_ENDPOINT_OVERRIDE", personalizeLocalUrl()) : Map.of();
    }

    private Supervisor.Child startService(ServiceSpec spec, Map<String, String> env) throws IOException {
        int port = options.ports().of(spec.defaultPort());
        step(spec.module() + " on port " + port);
        Map<String, String> own = new LinkedHashMap<>(env);
        int managementPort = options.ports().of(spec.defaultManagementPort());
        own.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        own.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        return supervisor.start(new ChildSpec(spec.module(), layout.quarkusRunJar(spec.module()), port,
                managementPort, layout.logOf(spec.module()), options.javaOptionsOf(spec.module()), own));
    }

    /** Starts the services not started yet, and awaits all of them, loading the movies once the catalog is ready. */
    private void startServices(List<ServiceSpec> modules, List<Supervisor.Child> early,
                               Map<String, String> personalizeEnv, Optional<DemoDataLoader.Prepared> data)
            throws Exception {
        Map<String, String> env = servicesEnvironment(modules, personalizeEnv);
        List<Supervisor.Child> started = new ArrayList<>(early);
        for (ServiceSpec spec : modules) {
            if (early.stream().noneMatch(child -> child.name().equals(spec.module()))) {
                started.add(startService(spec, env));
            }
        }
        // All boot at once; waiting in order is fine because each wait is bounded by the same deadline.
        // The catalog, first in the list, is awaited first: the movie load needs only it.
        java.util.concurrent.CompletableFuture<Void> movies = java.util.concurrent.CompletableFuture.completedFuture(null);
        for (Supervisor.Child service : started) {
            service.awaitReady(options.readyTimeout());
            say(service.name() + " is ready");
            if (service.name().equals(CATALOG) && data.isPresent()) {
                movies = java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        dataLoader().loadCatalog(data.get());
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
            }
        }
        try {
            movies.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** {@link #serviceEnvironment} with Personalize's endpoint and ARNs, when there are any. */
    private Map<String, String> servicesEnvironment(List<ServiceSpec> modules, Map<String, String> personalizeEnv) {
        Map<String, String> env = serviceEnvironment(modules);
        env.putAll(personalizeEnv);
        if (!personalizeEnv.isEmpty()) {
            // recommendation-service signs its Personalize calls with the AWS SDK's default credentials
            // chain, as in production; personalize-local accepts any keys.
            env.put("AWS_ACCESS_KEY_ID", "personalize-local");
            env.put("AWS_SECRET_ACCESS_KEY", "personalize-local");
        }
        return env;
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
        // DynamoDB Local starts empty (or from a data dir of an older release): services create their tables.
        env.put("MARQUEE_DYNAMODB_CREATE_TABLES", "true");
        // A laptop stack answers only locally.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        // Until authentication exists, admin writes are open only on the embedded default.
        env.put("CATALOG_ADMIN_WRITES_ENABLED", "true");
        // event-ingest-service's session windows (Kafka Streams) live beside the Kafka data they
        // come from: the default, /tmp/marquee-sessions, is locked by whichever devstack on the
        // machine started first, and a second one's event-ingest-service then fails to start.
        env.put("INGEST_SESSIONS_STATE_DIR", dataDir().resolve("event-ingest-sessions").toString());
        // user-service makes its signing key here at first start and reuses it after restarts.
        env.put("USERS_JWT_KEY_DIR", dataDir().resolve("user-service").resolve("keys").toString());
        // The gateway runs beside it on loopback: its X-Forwarded-For names the real client, whose
        // failed logins user-service throttles.
        env.put("USERS_CLIENT_ADDRESS_TRUSTED_PROXIES", "127.0.0.1,::1");
        // The first admin (docs/security.md): user-service creates it if no account holds the
        // address; ./marquee admin grant|revoke <email> logs in as it.
        env.put("USERS_BOOTSTRAP_ADMIN_EMAIL", BOOTSTRAP_ADMIN);
        env.put("USERS_BOOTSTRAP_ADMIN_PASSWORD", bootstrapAdminPassword());
        // bcrypt at OWASP's floor, as `quarkus dev` uses: at production's 12, a sign-up or login
        // right after READY, on two cores busy training and absorbing the demo history, outlasted
        // the gateway's 3 s for user-service (504). Accounts made here hash at 10 for good.
        env.put("USERS_PASSWORD_BCRYPT_COST", "10");
        // Every laptop client is 127.0.0.1: the e2e suites and a developer trying the web app sign
        // up more accounts in an hour than production's 3 per address allow.
        env.put("GATEWAY_RATE_LIMIT_SIGNUP_CAPACITY", "50");
        env.put("GATEWAY_RATE_LIMIT_SIGNUP_REFILL", "50");
        for (ServiceSpec spec : modules) {
            String key = spec.restClientKey().toUpperCase().replace('-', '_');
            env.put("QUARKUS_REST_CLIENT_" + key + "_URL", "http://127.0.0.1:" + options.ports().of(spec.defaultPort()));
            // The gateway's /api/v1/status asks each service's management interface.
            env.put("GATEWAY_" + key + "_MANAGEMENT_URL", "http://127.0.0.1:" + options.ports().of(spec.defaultManagementPort()));
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
    private Optional<DemoDataLoader.Prepared> prepareDataOnFirstStart() {
        if (!options.loadData()) {
            return Optional.empty();
        }
        try {
            // Only files are written here: no engine is needed yet (nor asked for: Kafka may still be starting).
            return new DemoDataLoader("http://127.0.0.1:" + options.ports().of(8082),
                    "127.0.0.1:" + options.ports().of(StackPorts.KAFKA), out)
                    .prepare(demoDir(), options.seed(), options.movieLensDir());
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    /** The value of {@code future}, throwing what its work threw. */
    private static <T> T joinUnwrapped(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private DemoDataLoader dataLoader() {
        return new DemoDataLoader("http://127.0.0.1:" + options.ports().of(8082), kafka.bootstrapServers(), out,
                HISTORY_EVENTS_PER_SECOND);
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
     * Starts personalize-local's JVM; {@link #setUpPersonalizeLocal} then stands its resources up:
     * on a first start it imports the dataset files and makes the event tracker and the filters;
     * the trainings and the campaigns follow after READY in {@link #trainAndCreateCampaigns}.
     * Empty when there is nothing to set up.
     *
     * <p>Its trainings run below the services' OS priority ({@link #BACKGROUND_NICENESS}): they are
     * pure background work. Only their thread is lowered: its answers to recommendation-service are
     * on the request path, and niced as a whole process they waited behind every busy service.
     */
    private Optional<Supervisor.Child> launchPersonalizeLocal() throws Exception {
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
        return Optional.of(supervisor.start(new ChildSpec("personalize-local", layout.quarkusRunJar(spec.module()),
                port, port, layout.logOf("personalize-local"), PERSONALIZE_LOCAL_JAVA_OPTIONS, env)));
    }

    /**
     * Waits for personalize-local (see {@link #launchPersonalizeLocal}) and prepares its resources:
     * the imports, tracker and filters, not the trainings ({@link #trainAndCreateCampaigns} starts
     * those after READY).
     */
    private Optional<PersonalizeResources> setUpPersonalizeLocal(Optional<Supervisor.Child> started) throws Exception {
        if (started.isEmpty()) {
            return Optional.empty();
        }
        started.get().awaitReady(options.readyTimeout());
        Path demo = demoDir();
        if (options.enginesOnly() || !Files.isRegularFile(demo.resolve(DatasetFiles.INTERACTIONS))) {
            say("personalize-local is ready, without data: nothing to train");
            return Optional.empty();
        }
        try (PersonalizeClient client = personalizeClient()) {
            PersonalizeResources resources = personalizeSetup(client).prepare(demoFiles());
            // The ARNs are known now (campaigns' follow from their names): scripts may read them at READY.
            resources.writeEnvironment(resourcesFile());
            return Optional.of(resources);
        } catch (RuntimeException e) {
            throw new StartFailure("personalize-local", "setup failed: " + e.getMessage(),
                    layout.logOf("personalize-local"), e);
        }
    }

    /**
     * Starts a training per recipe, waits for the models and creates the campaigns, then writes
     * every ARN down for scripts and the CLI. If personalize-local dies meanwhile (its trainings
     * then end FAILED), the supervisor restarts it and this starts the setup again, which retrains
     * only what failed.
     */
    private void trainAndCreateCampaigns(PersonalizeResources prepared) {
        PersonalizeSetup.Training training = null;
        for (int attempt = 1; ; attempt++) {
            try (PersonalizeClient client = personalizeClient()) {
                PersonalizeSetup setup = personalizeSetup(client);
                if (training == null) {
                    training = attempt == 1 ? setup.train(prepared) : setup.begin(demoFiles());
                }
                progress(SETUP, "running", "training " + training.solutionVersions().size()
                        + " solution versions, then creating their campaigns");
                setup.finish(training).writeEnvironment(resourcesFile());
                progress(SETUP, "done", "campaigns active; ARNs in " + resourcesFile());
                say("personalize-local campaigns are active; ARNs and tracking id in " + resourcesFile());
                return;
            } catch (RuntimeException | IOException e) {
                if (stopping || Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (attempt >= SETUP_ATTEMPTS) {
                    throw new IllegalStateException("gave up after " + attempt + " attempts: " + e.getMessage()
                            + " (log: " + layout.logOf("personalize-local") + ")", e);
                }
                progress(SETUP, "running", "attempt " + attempt + " failed (" + e.getMessage()
                        + "); waiting for personalize-local to try again");
                say("personalize-local setup: " + e.getMessage() + "; trying again once personalize-local is up");
                training = null;
                if (!awaitUp("personalize-local", options.readyTimeout().plus(Duration.ofMinutes(1)))) {
                    return;
                }
            }
        }
    }

    /** Waits until the supervisor reports {@code piece} up; false if stopping or interrupted first. */
    private boolean awaitUp(String piece, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            // A failure seen a moment ago may not have reached the supervisor yet: look again after a pause.
            Thread.sleep(2_000);
            while (!stopping && System.nanoTime() < deadline) {
                if (supervisor.snapshot().stream().anyMatch(p -> p.name().equals(piece) && p.state() == Supervisor.State.UP)) {
                    return true;
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopping;
    }

    private Path resourcesFile() {
        return dataDir().resolve("personalize-local-resources.env");
    }

    private PersonalizeSetup.Files demoFiles() {
        return new PersonalizeSetup.Files(demoDir().resolve(DatasetFiles.INTERACTIONS), demoDir().resolve(DatasetFiles.ITEMS),
                Optional.empty());
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

    /** A first visitor's requests through the gateway (see {@link WarmUp}), timed for the log. */
    private void warmUp(java.util.Set<String> modules) {
        long started = System.nanoTime();
        Optional<WarmUp.Account> admin = modules.contains("user-service")
                ? Optional.of(new WarmUp.Account(BOOTSTRAP_ADMIN, bootstrapAdminPassword()))
                : Optional.empty();
        new WarmUp(options.ports().of(StackPorts.GATEWAY), WARM_UP_LIMIT).run(modules, admin);
        say(String.format("first visitor's requests answered in %.1f s", (System.nanoTime() - started) / 1e9));
    }

    private void printBanner(Duration took) {
        String gateway = "http://127.0.0.1:" + options.ports().of(StackPorts.GATEWAY);
        out.printf("%nMarquee is up (%.1f s).%n", took.toMillis() / 1000.0);
        out.println("  Open:     " + gateway + "/");
        out.println("  API:      " + gateway + "/api/v1/movies?genre=Comedy   (OpenAPI: " + gateway + "/q/openapi)");
        out.println("  Logs:     " + layout.logs());
        out.println("  Data:     " + (options.inMemory() ? "in memory (gone when stopped)" : layout.dataDir().toString()));
        out.println("  Stop:     Ctrl-C, or ./marquee down");
        List<Supervisor.Snapshot> pieces = supervisor.snapshot();
        long rss = Rss.ofPid(ProcessHandle.current().pid()) + pieces.stream().mapToLong(p -> Rss.ofPid(p.pid())).sum();
        out.printf("  Memory:   %d MB resident in %d processes%n", rss / 1024, pieces.size() + 1);
        if (!background.isEmpty()) {
            out.println("  Still:    " + String.join(", ", background.keySet())
                    + " in the background; progress: ./marquee status" + (layout.home().equals(layout.root().resolve(".marquee"))
                    ? "" : " --home " + layout.home()));
        }
        out.println("DEVSTACK READY " + gateway);
        out.flush();
    }

    /**
     * Stops background work, every service (returning only once each is gone), then Kafka, then
     * DynamoDB; safe to call more than once.
     */
    public synchronized void stopAll() {
        if (stopped.getCount() == 0) {
            return;
        }
        out.println("[devstack] stopping");
        boolean wasReady = "ready".equals(phase);
        stopping = true;
        phase = "stopping";
        statusChanged();
        for (Thread t : backgroundThreads) {
            t.interrupt();
        }
        if (wasReady && supervisor.needsClassArchives()) { // none does with MARQUEE_CLASS_ARCHIVES=off
            // Written now rather than while the stack serves: each child pauses while it writes.
            out.println("[devstack] children without a class archive of their build write one (once per build, up to "
                    + CLASS_ARCHIVES_BUDGET.toSeconds() + " s)");
            out.flush();
            int archived = supervisor.recordClassArchives(CLASS_ARCHIVES_BUDGET);
            out.println("[devstack] class archives: " + archived + " of " + supervisor.snapshot().size()
                    + " processes have one; the next start of this build maps them");
        }
        supervisor.stopAll(STOP_GRACE);
        for (Thread t : backgroundThreads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        statusTimer.shutdownNow();
        try {
            statusTimer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (consumerProgress != null) {
            consumerProgress.close();
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
            Files.deleteIfExists(layout.statusFile());
            Files.deleteIfExists(layout.pidFile());
        } catch (IOException e) {
            out.println("[devstack] could not remove " + layout.pidFile() + ": " + e.getMessage());
        }
        out.println("[devstack] stopped");
        out.flush();
        stopped.countDown();
    }

    /** Rewrites the status file now (a piece changed). */
    private void statusChanged() {
        if (!statusTimer.isShutdown()) {
            try {
                statusTimer.execute(this::writeStatus);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // stopped meanwhile
            }
        }
    }

    /** Asks Kafka how far each consumer group has got, then rewrites the status file. */
    private void refreshStatus() {
        if (consumerProgress != null && !stopping) {
            try {
                consumers = consumerProgress.groups();
            } catch (Exception e) {
                // Kafka busy or stopping: keep the last answer; the next round asks again.
            }
        }
        writeStatus();
    }

    private void writeStatus() {
        List<Supervisor.Snapshot> pieces = new ArrayList<>(engines);
        pieces.addAll(supervisor.snapshot());
        List<StackStatus.Background> work;
        synchronized (background) {
            work = new ArrayList<>(background.values());
        }
        for (ConsumerProgress.Group g : consumers) {
            work.add(new StackStatus.Background("consumer " + g.group(), g.caughtUp() ? "done" : "running",
                    g.caughtUp() ? String.format("caught up (%,d events)", g.available())
                            : String.format("%,d of %,d events (%d%%), %,d behind", g.consumed(), g.available(),
                            g.available() == 0 ? 100 : g.consumed() * 100 / g.available(), g.behind())));
        }
        String gateway = options.enginesOnly() ? null : "http://127.0.0.1:" + options.ports().of(StackPorts.GATEWAY);
        try {
            Files.createDirectories(layout.home());
            new StackStatus(ProcessHandle.current().pid(), phase, gateway, System.currentTimeMillis(), pieces, work)
                    .writeTo(layout.statusFile());
        } catch (IOException e) {
            // The next round tries again; status is a report, never a reason to stop the stack.
        }
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
