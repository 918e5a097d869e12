package io.marquee.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.common.concurrent.BackgroundThreads;
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
                "MARQUEE_JAVA_OPTIONS_EVENT_INGEST_SERVICE", " -Xmx512m  -XX:+UseG1GC ",
                "MARQUEE_JAVA_OPTIONS_GATEWAY", "-Xmx300m",
                "MARQUEE_SERVICE_JIT", "full"));
        assertThat(own).containsOnlyKeys("event-ingest-service", "gateway");
        DevstackOptions options = new DevstackOptions(null, false, null, 0, null, false, null,
                DevstackOptions.DEFAULT_SERVICE_JAVA_OPTIONS, null, own);

        List<String> ingest = options.javaOptionsOf("event-ingest-service");
        assertThat(ingest).doesNotContain("-XX:+UseSerialGC").contains("-XX:+UseG1GC", "-Xmx256m");
        assertThat(ingest.lastIndexOf("-Xmx512m")).isGreaterThan(ingest.indexOf("-Xmx256m"));

        assertThat(options.javaOptionsOf("gateway")).contains("-XX:+UseSerialGC").endsWith("-Xmx300m");
        assertThat(options.javaOptionsOf("catalog-service")).isEqualTo(DevstackOptions.DEFAULT_SERVICE_JAVA_OPTIONS);
    }
}
