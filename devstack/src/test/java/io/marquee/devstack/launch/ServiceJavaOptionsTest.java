package io.marquee.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.common.concurrent.BackgroundThreads;
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
}
