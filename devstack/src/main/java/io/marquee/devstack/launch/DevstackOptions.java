package io.marquee.devstack.launch;

import io.marquee.common.concurrent.BackgroundThreads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How to run the stack, from the command line of {@code ./marquee up}.
 *
 * @param layout         where the checkout, the pid file, logs and data are
 * @param inMemory       keep DynamoDB and Kafka data only for this run
 * @param ports          the port offset applied to every default port
 * @param seed           the demo data seed (same seed, same data)
 * @param movieLensDir   load these MovieLens files instead of the demo data on first start, or null
 * @param loadData       whether to load any data at all on first start
 * @param readyTimeout   how long each service may take to become ready
 * @param serviceJavaOptions JVM options for every service process
 * @param engines        engines-only mode ({@code ./marquee engines}) and where they listen, or null for the whole suite
 * @param moduleJavaOptions JVM options for one service, by module name, after the common ones ({@link #javaOptionsOf})
 */
public record DevstackOptions(StackLayout layout, boolean inMemory, StackPorts ports, long seed, Path movieLensDir,
                              boolean loadData, Duration readyTimeout, List<String> serviceJavaOptions,
                              EnginesOnly engines, Map<String, List<String>> moduleJavaOptions) {

    /** The environment variable prefix for one service's own JVM options ({@link #moduleJavaOptions(Map)}). */
    public static final String MODULE_JAVA_OPTIONS_PREFIX = "MARQUEE_JAVA_OPTIONS_";

    /**
     * {@code ./marquee engines}: DynamoDB Local, Kafka and personalize-local without the services or
     * data, as the Helm chart's dev-dependencies pod runs them for services in a cluster.
     *
     * @param bindHost       interface the engines listen on ({@code 0.0.0.0} in a pod)
     * @param advertisedHost the name Kafka gives clients for itself (the pod's Service name)
     */
    public record EnginesOnly(String bindHost, String advertisedHost) {
    }

    /** The whole suite, on loopback, every service with the same JVM options. */
    public DevstackOptions(StackLayout layout, boolean inMemory, StackPorts ports, long seed, Path movieLensDir,
                           boolean loadData, Duration readyTimeout, List<String> serviceJavaOptions) {
        this(layout, inMemory, ports, seed, movieLensDir, loadData, readyTimeout, serviceJavaOptions, null, Map.of());
    }

    /**
     * One service's JVM options: the common ones, then its own. HotSpot takes the last of repeated
     * options (a second {@code -Xmx} wins) but refuses to start with two collectors, so only the last
     * collector named stays.
     */
    public List<String> javaOptionsOf(String module) {
        List<String> all = Stream.concat(serviceJavaOptions.stream(),
                moduleJavaOptions.getOrDefault(module, List.of()).stream()).toList();
        String collector = all.stream().filter(DevstackOptions::selectsCollector).reduce((a, b) -> b).orElse(null);
        return all.stream().filter(o -> !selectsCollector(o) || o.equals(collector)).toList();
    }

    private static boolean selectsCollector(String option) {
        return option.startsWith("-XX:+Use") && option.endsWith("GC");
    }

    /**
     * Services whose work does not fit the common heap and collector. event-ingest-service accepts
     * bursts of tens of thousands of events a second while its relay holds a unit of up to 40,000
     * records (130–160 MB live when behind): in 256 MB of SerialGC it spent 8 of every 28 seconds of a
     * burst in full collections of up to 0.6 s, which every waiting client felt. G1 in 512 MB keeps its
     * pauses near the goal without them (docs/adr/0040, docs/benchmarks.md).
     */
    static final Map<String, List<String>> MODULE_DEFAULT_JAVA_OPTIONS = Map.of(
            "event-ingest-service", List.of("-XX:+UseG1GC", "-Xmx512m", "-XX:MaxGCPauseMillis=20"));

    /**
     * Per-service JVM options: {@link #MODULE_DEFAULT_JAVA_OPTIONS}, then the environment's
     * {@code MARQUEE_JAVA_OPTIONS_<MODULE>}, e.g. {@code MARQUEE_JAVA_OPTIONS_EVENT_INGEST_SERVICE="-Xmx768m"},
     * to measure one service with another heap or collector, or to attach a debugger to it alone.
     */
    public static Map<String, List<String>> moduleJavaOptions(Map<String, String> env) {
        Map<String, List<String>> byModule = new TreeMap<>(MODULE_DEFAULT_JAVA_OPTIONS);
        env.forEach((name, value) -> {
            if (name.startsWith(MODULE_JAVA_OPTIONS_PREFIX) && !value.isBlank()) {
                String module = name.substring(MODULE_JAVA_OPTIONS_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
                List<String> extra = List.of(value.trim().split("\\s+"));
                byModule.merge(module, extra, (defaults, more) -> Stream.concat(defaults.stream(), more.stream()).toList());
            }
        });
        return byModule;
    }

    public boolean enginesOnly() {
        return engines != null;
    }

    /** Where engines listen: loopback for a laptop stack. */
    public String bindHost() {
        return engines == null ? "127.0.0.1" : engines.bindHost();
    }

    /** The metaspace a JVM of the stack may fill before its first metadata-triggered full collection. */
    public static final String METASPACE_FOR_A_SERVICE = "-XX:MetaspaceSize=96m";

    /** The C1-only flag in {@link #DEFAULT_SERVICE_JAVA_OPTIONS}. */
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    /**
     * Heap and GC sized so six services, Kafka and DynamoDB fit a laptop next to an IDE; the JIT
     * stops at C1 (as {@code quarkus dev} does): six JVMs booting at once on two cores spent much
     * of their start in C2 compilations whose faster code a laptop's request rate never pays back
     * (docs/benchmarks.md, "Devstack: ready in a minute"). {@link #METASPACE_FOR_A_SERVICE}: a
     * service's classes fill 40–80 MB of metaspace; below that mark the JVM stops everything for a
     * full collection each time the metaspace crosses its growing threshold (2–3 per start).
     * {@link BackgroundThreads#JVM_OPTIONS}: consumers' threads yield the CPU to requests, which
     * matters most here, where all services share one laptop's cores.
     */
    public static final List<String> DEFAULT_SERVICE_JAVA_OPTIONS = Stream.concat(Stream.of(
            "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", METASPACE_FOR_A_SERVICE, "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=96m", "-Xss512k", C1_ONLY, "-XX:+ExitOnOutOfMemoryError"),
            BackgroundThreads.JVM_OPTIONS.stream()).toList();

    /**
     * The services' JVM options for this environment: the defaults, or with {@code
     * MARQUEE_SERVICE_JIT=full} the defaults with the full JIT, for measuring latency and
     * throughput (C1-only code is slower once warm, so figures taken without it do not compare).
     */
    public static List<String> serviceJavaOptions(java.util.Map<String, String> env) {
        if ("full".equals(env.get("MARQUEE_SERVICE_JIT"))) {
            return DEFAULT_SERVICE_JAVA_OPTIONS.stream().filter(o -> !o.equals(C1_ONLY)).toList();
        }
        return DEFAULT_SERVICE_JAVA_OPTIONS;
    }
}
