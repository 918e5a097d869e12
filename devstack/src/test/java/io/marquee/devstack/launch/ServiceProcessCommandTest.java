package io.marquee.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How a child is started: this JVM's {@code java} with the child's options; and that
 * personalize-local's options put its job thread (the lowest Java priority: imports, trainings) at
 * niceness 10 while the threads that answer requests stay at the launcher's.
 */
class ServiceProcessCommandTest {

    private static final Path JAR = Path.of("/checkout/personalize-local/server/target/quarkus-app/quarkus-run.jar");

    @Test
    void aChildIsThisJvmsJavaWithItsOptionsAndJar() {
        List<String> command = ServiceProcess.command(JAR, List.of("-Xmx2g"));

        assertThat(command.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(command).endsWith("-Xmx2g", "-jar", JAR.toString());
    }

    @Test
    void personalizeLocalsJobThreadRunsNicedAndItsOtherThreadsDoNot() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/task")), "reads threads' niceness from /proc");
        // The mapping sets absolute nice values: from a launcher already niced the figures differ.
        assumeTrue(PriorityProbe.niceness(Path.of("/proc/self")) == 0, "runs at the default priority");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Devstack.PERSONALIZE_LOCAL_JAVA_OPTIONS.stream().filter(o -> !o.startsWith("-Xm")).toList());
        command.addAll(List.of("-Xmx32m", "-cp", System.getProperty("java.class.path"), PriorityProbe.class.getName()));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("the probe ended").isTrue();
        Map<String, Long> niceness = PriorityProbe.parse(new String(probe.getInputStream().readAllBytes()));

        assertThat(niceness.get("low")).as("the job thread").isEqualTo((long) Devstack.BACKGROUND_NICENESS);
        assertThat(niceness.get("normal")).as("a request thread").isZero();
        assertThat(niceness.get("high")).as("above normal maps to 0, never below it").isZero();
    }

    /** Started with personalize-local's options: prints the niceness of a thread at each of three Java priorities. */
    public static final class PriorityProbe {

        public static void main(String[] args) throws Exception {
            for (Map.Entry<String, Integer> p : Map.of("low", Thread.MIN_PRIORITY, "normal", Thread.NORM_PRIORITY,
                    "high", Thread.MAX_PRIORITY).entrySet()) {
                Thread t = new Thread(() -> System.out.println(p.getKey() + "=" + niceness(Path.of("/proc/thread-self"))));
                t.setPriority(p.getValue());
                t.start();
                t.join();
            }
        }

        static long niceness(Path proc) {
            try {
                String stat = Files.readString(proc.resolve("stat"));
                return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Map<String, Long> parse(String output) {
            Map<String, Long> values = new java.util.HashMap<>();
            for (String line : output.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(eq + 1).trim().matches("-?\\d+")) {
                    values.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).trim()));
                }
            }
            return values;
        }
    }
}
