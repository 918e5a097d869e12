package io.marquee.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The services' JIT: C1 only by default (a faster start), the full JIT on request (for benchmarks). */
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
}
