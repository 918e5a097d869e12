package io.marquee.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.common.concurrent.BackgroundThreads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The services' JIT: C1 only by default (a faster start), the full JIT on request (for benchmarks);
 * either way, thread priorities reach the OS (background consumers yield to requests).
 */
class ServiceJavaOptionsTest {

    @Test
    void servicesStopAtC1UnlessTheFullJitIsAskedFor() {
        assertThat(DevstackOptions.serviceJavaOptions(Map.of())).contains("-XX:TieredStopAtLevel=1");
        assertThat(DevstackOptions.serviceJavaOptions(Map.of("MARQUEE_SERVICE_JIT", "c1")))
                .contains("-XX:TieredStopAtLevel=1");

        assertThat(DevstackOptions.serviceJavaOptions(Map.of("MARQUEE_SERVICE_JIT", "full")))
                .doesNotContain("-XX:TieredStopAtLevel=1")
                .containsAll(DevstackOptions.DEFAULT_SERVICE_JAVA_OPTIONS.stream()
                        .filter(o -> !o.equals("-XX:TieredStopAtLevel=1")).toList());
    }

    @Test
    void backgroundThreadsYieldInEitherJitMode() {
        assertThat(DevstackOptions.serviceJavaOptions(Map.of())).containsAll(BackgroundThreads.JVM_OPTIONS);
        assertThat(DevstackOptions.serviceJavaOptions(Map.of("MARQUEE_SERVICE_JIT", "full")))
                .containsAll(BackgroundThreads.JVM_OPTIONS);
    }

    @Test
    void oneServiceGetsItsOwnOptionsAfterTheCommonOnesAndItsOwnCollectorReplacesTheCommonOne() {
        Map<String, List<String>> own = DevstackOptions.moduleJavaOptions(Map.of(
                "MARQUEE_JAVA_OPTIONS_EVENT_INGEST_SERVICE", " -Xmx768m  -XX:+UseParallelGC ",
                "MARQUEE_JAVA_OPTIONS_GATEWAY", "-Xmx300m",
                "MARQUEE_SERVICE_JIT", "full"));
        assertThat(own).containsOnlyKeys("event-ingest-service", "gateway");
        DevstackOptions options = new DevstackOptions(null, false, null, 0, null, false, null,
                DevstackOptions.DEFAULT_SERVICE_JAVA_OPTIONS, null, own);

        List<String> ingest = options.javaOptionsOf("event-ingest-service");
        // The environment's options come last, so its heap wins, and its collector is the only one left
        // (the JVM refuses to start with two).
        assertThat(ingest).endsWith("-Xmx768m", "-XX:+UseParallelGC").doesNotContain("-XX:+UseSerialGC", "-XX:+UseG1GC");

        assertThat(options.javaOptionsOf("gateway")).contains("-XX:+UseSerialGC").endsWith("-Xmx300m");
        assertThat(options.javaOptionsOf("catalog-service")).isEqualTo(DevstackOptions.DEFAULT_SERVICE_JAVA_OPTIONS);
    }

    @Test
    void eventIngestServiceRunsG1InALargerHeapByDefaultAndThatCommandLineStartsAJvm() throws Exception {
        DevstackOptions options = new DevstackOptions(null, false, null, 0, null, false, null,
                DevstackOptions.serviceJavaOptions(Map.of()), null, DevstackOptions.moduleJavaOptions(Map.of()));
        List<String> ingest = options.javaOptionsOf("event-ingest-service");
        assertThat(ingest).doesNotContain("-XX:+UseSerialGC").contains("-XX:+UseG1GC");
        assertThat(ingest.lastIndexOf("-Xmx512m")).isGreaterThan(ingest.indexOf("-Xmx256m"));
        assertThat(options.javaOptionsOf("gateway")).contains("-XX:+UseSerialGC").doesNotContain("-XX:+UseG1GC");

        // The JVM itself must accept the list (one collector, no unknown flag) and run with G1 in 512 MB.
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ingest);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String flags = new String(java.getInputStream().readAllBytes());
        assertThat(java.waitFor()).as(flags).isZero();
        assertThat(flags).containsPattern("bool UseG1GC\\s+= true").containsPattern("MaxHeapSize\\s+= 536870912");
    }
}
