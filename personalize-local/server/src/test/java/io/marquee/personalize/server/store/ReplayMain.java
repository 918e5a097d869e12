package io.marquee.personalize.server.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures the replay of one event log, as a start of personalize-local does it, for
 * docs/benchmarks.md: {@code java -Xmx.. -cp <test classpath> io.marquee.personalize.server.store.ReplayMain
 * <events.jsonl> [histogram]}. Prints the replay time, the heap still in use after a full
 * collection (what the group's data retains) and, with {@code histogram}, the top of the class
 * histogram of this JVM. The log is only read (linked into a scratch directory, never copied).
 */
public final class ReplayMain {

    private ReplayMain() {
    }

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]).toAbsolutePath();
        Path dir = Files.createTempDirectory("replay-");
        Files.createSymbolicLink(dir.resolve(EventLog.FILE), log);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        GroupData data = new GroupData();
        long started = System.nanoTime();
        try (EventLog events = new EventLog(group -> dir, false)) {
            events.replay("group", data, Store.heapBudget(), "(ReplayMain: half the heap)");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.gc();
        long retained = rt.totalMemory() - rt.freeMemory() - before;
        System.out.printf("replayed %,d events in %.1f s; retained heap %,d MB (%.0f bytes/event); max heap %,d MB%n",
                data.eventCount(), seconds, retained >> 20, (double) retained / Math.max(1, data.eventCount()),
                rt.maxMemory() >> 20);
        if (args.length > 1 && args[1].equals("histogram")) {
            histogram();
        }
        Files.delete(dir.resolve(EventLog.FILE));
        Files.delete(dir);
        System.out.println(data.replayNote() == null ? "kept every event" : data.replayNote());
    }

    private static void histogram() throws IOException, InterruptedException {
        long pid = ProcessHandle.current().pid();
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        out.lines().limit(18).forEach(System.out::println);
        out.lines().filter(l -> l.startsWith("Total")).forEach(System.out::println);
        System.out.println("(" + ManagementFactory.getRuntimeMXBean().getName() + ")");
    }
}
