package io.marquee.devstack;

import io.marquee.common.events.DeadLetterReplay;
import io.marquee.common.kafka.KafkaClients;
import io.marquee.common.kafka.KafkaSecurity;
import io.marquee.devstack.data.Dataset;
import io.marquee.devstack.data.DatasetFiles;
import io.marquee.devstack.data.DemoDataGenerator;
import io.marquee.devstack.demo.DemoDataLoader;
import io.marquee.devstack.launch.Devstack;
import io.marquee.devstack.launch.DevstackOptions;
import io.marquee.devstack.launch.ServiceSpec;
import io.marquee.devstack.launch.StackLayout;
import io.marquee.devstack.launch.StackPorts;
import io.marquee.devstack.launch.StackStatus;
import io.marquee.devstack.launch.StartFailure;
import io.marquee.devstack.launch.StatusReport;
import io.marquee.devstack.ops.PersonalizeCommand;
import io.marquee.devstack.ops.RelayLag;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Command line of the devstack; {@code ./marquee} at the repository root builds what is missing
 * and calls this. Exit codes: 0 fine, 1 a piece failed, 2 bad usage.
 */
public final class DevstackMain {

    static final String USAGE = """
            usage: ./marquee <command> [options]
              up                 build what is missing, start the whole suite, wait; Ctrl-C stops it
              down               stop a running devstack; returns once every process of it is gone
              status             each piece (state, pid, port, restarts, last error line of its log)
                                 and the background work (training, demo history, consumers) with its
                                 progress, and the clickstream relay's lag; exit code 0 all up,
                                 1 some piece not up, 3 not running
              replay-dlq         move dead-lettered events (interactions-dlq) back to the relay; says how many
              help               this text
              import-movielens DIR
                                 load MovieLens files (movies.csv, ratings.csv, links.csv, tags.csv)
                                 into a running devstack's catalog; malformed rows are reported
              generate-demo DIR  write the demo dataset files into DIR (no stack needed)
              personalize setup|status|cleanup [options]
                                 Personalize's resources (default: the running stack's personalize-local,
                                 on its ports; --endpoint '' for AWS); ./marquee personalize help lists the options
              personalize export DIR [options]
                                 the platform's items, users and interactions as validated Personalize
                                 dataset files (default: this stack's DynamoDB and Kafka)
              engines            only DynamoDB Local, Kafka and personalize-local, no services or data
                                 (the Helm chart's dev-dependencies pod); with --bind and --advertised-host
            options:
              --home DIR         pid file and logs (default ./.marquee)
              --data-dir DIR     engine data and dataset files (default <home>/data)
              --in-memory        keep DynamoDB and Kafka data only for this run
              --port-offset N    add N to every port (gateway 8080, catalog 8082, DynamoDB 8000, Kafka 9092)
              --seed N           demo data seed (default 42)
              --movielens DIR    on first start, load these MovieLens files instead of the demo data
              --no-data          load no data on first start
              --ready-timeout S  seconds each service may take to become ready (default 120)
              --bind HOST        engines: interface to listen on (default 127.0.0.1)
              --advertised-host H engines: the host name Kafka announces to clients (default: --bind)
            """;

    /** The terminal, kept before {@link #routeStrayOutputTo} takes System.out over. */
    private static final PrintStream TERMINAL = System.out;
    private static final PrintStream TERMINAL_ERR = System.err;

    private DevstackMain() {
    }

    /**
     * DynamoDB Local and its parsers print banners and warnings straight to System.out/err; they
     * belong in the engines' log, so the terminal shows only the devstack's own progress.
     */
    private static void routeStrayOutputTo(Path log) throws IOException {
        Files.createDirectories(log.getParent());
        PrintStream engines = new PrintStream(new FileOutputStream(log.toFile(), true), true, StandardCharsets.UTF_8);
        System.setOut(engines);
        System.setErr(engines);
    }

    public static void main(String[] args) {
        // The devstack stops log4j itself after the engines; its own hook would race with theirs.
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        try {
            System.exit(run(args));
        } catch (StartFailure e) {
            TERMINAL_ERR.println("[devstack] FAILED: " + e.getMessage());
            e.logTail(20).forEach(line -> TERMINAL_ERR.println("    | " + line));
            System.exit(1);
        } catch (UsageException e) {
            TERMINAL_ERR.println(e.getMessage());
            TERMINAL_ERR.print(USAGE);
            System.exit(2);
        } catch (Exception e) {
            TERMINAL_ERR.println("[devstack] FAILED: " + e);
            System.exit(1);
        }
    }

    static int run(String[] args) throws Exception {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        if (rest.isEmpty()) {
            throw new UsageException("no command given");
        }
        String command = rest.pop();
        if (command.equals("personalize")) {
            return new PersonalizeCommand(defaultHome(Path.of(System.getProperty("marquee.root", "."))))
                    .run(List.copyOf(rest));
        }
        String positional = null;
        Path root = Path.of(System.getProperty("marquee.root", "."));
        Path home = null;
        Path dataDir = null;
        boolean inMemory = false;
        int portOffset = 0;
        long seed = DemoDataGenerator.DEFAULT_SEED;
        Path movieLens = null;
        boolean loadData = true;
        int readyTimeout = 120;
        String bind = "127.0.0.1";
        String advertisedHost = null;
        while (!rest.isEmpty()) {
            String arg = rest.pop();
            switch (arg) {
                case "--home" -> home = Path.of(value(rest, arg));
                case "--data-dir" -> dataDir = Path.of(value(rest, arg));
                case "--in-memory" -> inMemory = true;
                case "--port-offset" -> portOffset = intValue(rest, arg, 0, StackPorts.MAX_OFFSET);
                case "--seed" -> seed = intValue(rest, arg, 0, Integer.MAX_VALUE);
                case "--movielens" -> movieLens = Path.of(value(rest, arg));
                case "--no-data" -> loadData = false;
                case "--ready-timeout" -> readyTimeout = intValue(rest, arg, 1, 3600);
                case "--root" -> root = Path.of(value(rest, arg));
                case "--bind" -> bind = value(rest, arg);
                case "--advertised-host" -> advertisedHost = value(rest, arg);
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    return 0;
                }
                default -> {
                    if (arg.startsWith("-") || positional != null) {
                        throw new UsageException("unknown argument: " + arg);
                    }
                    positional = arg;
                }
            }
        }
        Path homeDir = home != null ? home : defaultHome(root);
        StackLayout layout = new StackLayout(root, homeDir, dataDir != null ? dataDir : homeDir.resolve("data"));
        StackPorts ports = new StackPorts(portOffset);
        return switch (command) {
            case "up" -> {
                routeStrayOutputTo(layout.logOf("engines"));
                DevstackOptions options = new DevstackOptions(layout, inMemory, ports, seed, movieLens, loadData,
                        Duration.ofSeconds(readyTimeout), DevstackOptions.serviceJavaOptions(System.getenv()), null,
                        DevstackOptions.moduleJavaOptions(System.getenv()));
                new Devstack(options, TERMINAL).runUntilStopped();
                yield 0;
            }
            case "engines" -> {
                routeStrayOutputTo(layout.logOf("engines"));
                DevstackOptions options = new DevstackOptions(layout, inMemory, ports, seed, null, false,
                        Duration.ofSeconds(readyTimeout), DevstackOptions.serviceJavaOptions(System.getenv()),
                        new DevstackOptions.EnginesOnly(bind, advertisedHost != null ? advertisedHost
                                : "0.0.0.0".equals(bind) ? "127.0.0.1" : bind), Map.of());
                new Devstack(options, TERMINAL).runUntilStopped();
                yield 0;
            }
            case "help" -> {
                System.out.print(USAGE);
                yield 0;
            }
            case "down" -> down(layout);
            case "status" -> status(layout);
            case "replay-dlq" -> {
                DeadLetterReplay.Replayed done = DeadLetterReplay.run(
                        KafkaClients.of("127.0.0.1:" + ports.of(StackPorts.KAFKA), KafkaSecurity.none()));
                System.out.println("[devstack] replayed " + done.replayed() + " dead-lettered events to the relay"
                        + (done.unreadable() > 0 ? "; " + done.unreadable() + " unreadable ones stay behind" : ""));
                yield 0;
            }
            case "import-movielens" -> {
                Path dir = Path.of(required(positional, "import-movielens needs the MovieLens directory"));
                DemoDataLoader loader = new DemoDataLoader("http://127.0.0.1:" + ports.of(8082),
                        "127.0.0.1:" + ports.of(StackPorts.KAFKA), System.out);
                Path target = layout.dataDir().resolve("movielens");
                Dataset dataset = loader.readMovieLens(dir);
                Files.createDirectories(target);
                DatasetFiles.writeAll(target, dataset);
                loader.load(new DemoDataLoader.Prepared(dataset, "movielens:" + dir.toAbsolutePath(), target));
                System.out.println("[import] done; dataset files in " + layout.dataDir().resolve("movielens"));
                yield 0;
            }
            case "generate-demo" -> {
                Path dir = Path.of(required(positional, "generate-demo needs an output directory"));
                DatasetFiles.writeAll(dir, DemoDataGenerator.generate(seed));
                System.out.println("demo dataset (seed " + seed + ") written to " + dir.toAbsolutePath());
                yield 0;
            }
            default -> throw new UsageException("unknown command: " + command);
        };
    }

    /**
     * How long {@code down} waits for the launcher, which first has children write their class
     * archives (at most 45 s, once per build), then stops each child with a 20 s grace.
     */
    private static final java.time.Duration DOWN_TIMEOUT = java.time.Duration.ofSeconds(120);

    /**
     * Stops the launcher (SIGTERM: it stops every child and returns only when they are gone), then
     * makes sure of it: a child the status file names that is still alive (its launcher was
     * killed outright, say) is stopped here. Says "stopped" only when nothing is left.
     */
    private static int down(StackLayout layout) throws Exception {
        Optional<ProcessHandle> running = Devstack.runningInstance(layout);
        List<ProcessHandle> children = StackStatus.readFrom(layout.statusFile()).stream()
                .flatMap(s -> s.pieces().stream())
                .filter(p -> p.pid() > 0 && p.pid() != running.map(ProcessHandle::pid).orElse(-1L))
                .flatMap(p -> ProcessHandle.of(p.pid()).stream())
                .filter(DevstackMain::isServiceJvm)
                .toList();
        if (running.isEmpty() && children.stream().noneMatch(ProcessHandle::isAlive)) {
            System.out.println("[devstack] not running (no live pid in " + layout.pidFile() + ")");
            return 0;
        }
        if (running.isPresent()) {
            ProcessHandle process = running.get();
            System.out.println("[devstack] stopping pid " + process.pid());
            process.destroy();
            try {
                process.onExit().get(DOWN_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                System.err.println("[devstack] pid " + process.pid() + " did not stop within " + DOWN_TIMEOUT.toSeconds()
                        + " s; see " + layout.logs());
                return 1;
            }
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                System.out.println("[devstack] stopping left-over process " + child.pid() + " (" + commandOf(child) + ")");
                child.destroy();
                try {
                    child.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    child.destroyForcibly();
                    child.onExit().get();
                }
            }
        }
        java.nio.file.Files.deleteIfExists(layout.statusFile());
        java.nio.file.Files.deleteIfExists(layout.pidFile());
        System.out.println("[devstack] stopped");
        return 0;
    }

    /** A JVM running a packaged Quarkus app: what the devstack starts (a recycled pid is left alone). */
    private static boolean isServiceJvm(ProcessHandle process) {
        return process.isAlive() && commandOf(process).contains("quarkus-run.jar");
    }

    private static String commandOf(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }

    /** The piece whose relay lag {@code status} reports. */
    private static final String EVENT_INGEST = "event-ingest-service";

    private static int status(StackLayout layout) throws Exception {
        Optional<ProcessHandle> running = Devstack.runningInstance(layout);
        if (running.isEmpty()) {
            System.out.println("[devstack] not running");
            return 3;
        }
        Optional<StackStatus> status = StackStatus.readFrom(layout.statusFile());
        if (status.isEmpty()) {
            System.out.println("[devstack] starting, pid " + running.get().pid() + " (no status yet), logs in " + layout.logs());
            return 1;
        }
        StatusReport report = new StatusReport(status.get(),
                pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        report.lines(System.currentTimeMillis()).forEach(System.out::println);
        // The port the stack really uses (it may run with another --port-offset than this command
        // got); the relay's lag is in /q/metrics on its management port.
        status.get().pieces().stream().filter(p -> p.name().equals(EVENT_INGEST)).findFirst()
                .ifPresent(ingest -> System.out.println(RelayLag.of(ingest.port() + ServiceSpec.MANAGEMENT_PORT_OFFSET)
                        .map(lag -> String.format("  clickstream relay lag: %d events, %.1f s", lag.events(), lag.seconds()))
                        .orElse("  clickstream relay lag: event-ingest-service does not answer")));
        System.out.println("  logs in " + layout.logs());
        return report.exitCode();
    }

    /**
     * The home when no {@code --home} names one: {@code $MARQUEE_HOME} (in a container the checkout
     * is read-only, so the image points home elsewhere), else the checkout's {@code .marquee}.
     */
    private static Path defaultHome(Path root) {
        String env = System.getenv("MARQUEE_HOME");
        return env != null ? Path.of(env) : root.resolve(".marquee");
    }

    private static String value(Deque<String> rest, String flag) {
        if (rest.isEmpty()) {
            throw new UsageException(flag + " needs a value");
        }
        return rest.pop();
    }

    private static int intValue(Deque<String> rest, String flag, int min, int max) {
        String raw = value(rest, flag);
        try {
            int n = Integer.parseInt(raw);
            if (n < min || n > max) {
                throw new UsageException(flag + " must be between " + min + " and " + max + ", not " + raw);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a whole number, not " + raw);
        }
    }

    private static String required(String value, String message) {
        if (value == null) {
            throw new UsageException(message);
        }
        return value;
    }

    /** Bad command line: the message and the usage text are printed, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
