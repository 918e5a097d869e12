package io.marquee.common.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.marquee.common.kafka.LowPriorityPolling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.junit.jupiter.api.Test;

/**
 * Background threads reach the OS as niceness 19 in a JVM started with {@link
 * BackgroundThreads#JVM_OPTIONS}, and only there: a child JVM reports its threads' niceness from
 * {@code /proc} (Linux, as the devstack and the pods run).
 */
class BackgroundThreadsTest {

    @Test
    void backgroundThreadsRunAtNiceness19WithTheOptionsAndTheRestDoesNot() throws Exception {
        assumeThat(Files.exists(Path.of("/proc/thread-self/stat"))).as("Linux").isTrue();

        Map<String, Integer> nice = runChild(BackgroundThreads.JVM_OPTIONS);

        assumeThat(nice.get("main")).as("the tests themselves do not run at niceness 19").isLessThan(19);
        assertThat(nice).containsEntry("background", 19).containsEntry("polling", 19).containsEntry("factory", 19);
        assertThat(nice.get("plain")).as("other threads keep their niceness").isEqualTo(nice.get("main"));
        assertThat(nice.get("highest")).as("no thread of the JVM's own is raised, even as root").isEqualTo(nice.get("main"));
    }

    @Test
    void withoutTheOptionsJavaPrioritiesChangeNothing() throws Exception {
        assumeThat(Files.exists(Path.of("/proc/thread-self/stat"))).as("Linux").isTrue();

        Map<String, Integer> nice = runChild(List.of());

        assertThat(nice.get("background")).isEqualTo(nice.get("main"));
        assertThat(nice.get("polling")).isEqualTo(nice.get("main"));
    }

    private static Map<String, Integer> runChild(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        Map<String, Integer> nice = new LinkedHashMap<>();
        output.lines().filter(line -> line.startsWith("nice ")).forEach(line -> {
            String[] parts = line.split(" ");
            nice.put(parts[1], Integer.parseInt(parts[2]));
        });
        assertThat(nice).as(output).containsOnlyKeys("main", "plain", "background", "factory", "polling", "highest");
        return nice;
    }

    /** Reports the niceness of threads made each way. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            report("main");
            run(new Thread(() -> report("plain")));
            run(BackgroundThreads.newThread(() -> report("background"), "background"));
            run(BackgroundThreads.daemonFactory("factory").newThread(() -> report("factory")));
            run(new Thread(() -> {
                new LowPriorityPolling().onConsume(ConsumerRecords.empty());
                report("polling");
            }));
            int highest = Integer.MAX_VALUE;
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        highest = Math.min(highest, niceness(task.resolve("stat")));
                    } catch (NoSuchFileException ended) {
                        // a JVM thread (a compiler thread, say) ended between the listing and the read
                    }
                }
            }
            System.out.println("nice highest " + highest);
        }

        private static void run(Thread thread) throws InterruptedException {
            thread.start();
            thread.join();
        }

        private static void report(String name) {
            try {
                System.out.println("nice " + name + " " + niceness(Path.of("/proc/thread-self/stat")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The 19th field of a thread's stat file; the thread name before it may hold spaces. */
        private static int niceness(Path stat) throws IOException {
            String text = Files.readString(stat);
            return Integer.parseInt(text.substring(text.lastIndexOf(')') + 2).split(" ")[16]);
        }
    }
}
