import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A small, cheap HTTP/1.1 load generator for the Marquee benchmarks (not a test), compiled with
 * {@code KeepAliveConnection.java} beside it (bench/lib/loadgen.sh does that):
 *
 * <pre>
 *   java -cp DIR LoadGen open   URL|@FILE RATE SECONDS [Header: value]...
 *   java -cp DIR LoadGen closed URL|@FILE CONNECTIONS SECONDS [Header: value]...
 * </pre>
 *
 * {@code @FILE} names a file of URLs (one per line, same host and port), requested in turn, so a
 * run can spread over many items instead of one hot key; a line may add tab-separated headers of
 * its own after its URL (a token per line spreads a run over many users).
 *
 * <p>{@code open}: GETs at a fixed RATE per second. Request i is due at start + i/RATE whether or
 * not earlier ones have answered, and its latency is measured from that due time, not from when it
 * was sent: a stall shows up as latency of every request it delayed (no coordinated omission).
 * Requests go out on a pool of keep-alive connections, each with its own thread; the pool is sized
 * so that a connection is nearly always free when a request falls due, and a request that finds
 * none waits, with the wait counted.
 * {@code closed}: CONNECTIONS workers each send the next GET as soon as the last one answered;
 * the answers per second are the maximum throughput at that concurrency.
 *
 * <p>Why not java.net.http: the generator shares the 2 cores with the stack it measures, and the
 * JDK client spent about half a core at 200 req/s. Plain blocking sockets with a minimal response
 * parser cost a few tens of microseconds per request.
 *
 * <p>The first {@value #WARMUP_SECONDS} seconds of each run warm up (JIT, connections) and are not
 * counted. Prints one line of {@code key=value} pairs: count, errors (non-2xx or failed), rps,
 * p50/p90/p99/max in ms.
 */
public final class LoadGen {

    static final int WARMUP_SECONDS = 2;
    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
    /** Connections of the open loop: enough for 64 requests in flight at once. */
    private static final int OPEN_CONNECTIONS = 64;
    private static final int TIMEOUT_MILLIS = 10_000;
    /** The first failure of a run, told on stderr so a table full of errors can be explained. */
    private static final AtomicReference<String> FIRST_ERROR = new AtomicReference<>();

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LoadGen open|closed URL|@FILE RATE|CONNECTIONS SECONDS [Header: value]...");
            System.exit(2);
        }
        Target target = Target.of(args[1], Arrays.copyOfRange(args, 4, args.length));
        int amount = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        if (seconds <= WARMUP_SECONDS) {
            throw new IllegalArgumentException("SECONDS must be more than the " + WARMUP_SECONDS + " s warm-up");
        }
        Result result = switch (args[0]) {
            case "open" -> open(target, amount, seconds);
            case "closed" -> closed(target, amount, seconds);
            default -> throw new IllegalArgumentException("mode must be open or closed: " + args[0]);
        };
        System.out.println(result);
        if (FIRST_ERROR.get() != null) {
            System.err.println("first error: " + FIRST_ERROR.get());
        }
    }

    /** Where requests go: one host and port, and the ready-made bytes of each request. */
    record Target(String host, int port, byte[][] requests) {

        static Target of(String urlOrFile, String[] headers) throws IOException {
            // A line of @FILE is a URL, optionally followed by tab-separated headers of its own
            // (a token per line spreads a run over many users).
            List<String[]> lines = urlOrFile.startsWith("@")
                    ? Files.readAllLines(Path.of(urlOrFile.substring(1))).stream().map(String::trim)
                            .filter(line -> !line.isEmpty()).map(line -> line.split("\t")).toList()
                    : List.<String[]>of(new String[] {urlOrFile});
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("no URLs in " + urlOrFile);
            }
            URI first = URI.create(lines.get(0)[0]);
            if (!"http".equals(first.getScheme())) {
                throw new IllegalArgumentException("only http:// URLs: " + first);
            }
            int port = first.getPort() < 0 ? 80 : first.getPort();
            StringBuilder extra = new StringBuilder();
            for (String header : headers) {
                extra.append(header.trim()).append("\r\n");
            }
            byte[][] requests = new byte[lines.size()][];
            for (int i = 0; i < lines.size(); i++) {
                URI uri = URI.create(lines.get(i)[0]);
                if (!first.getHost().equals(uri.getHost()) || port != (uri.getPort() < 0 ? 80 : uri.getPort())) {
                    throw new IllegalArgumentException("all URLs must share host and port: " + uri);
                }
                StringBuilder own = new StringBuilder();
                for (int h = 1; h < lines.get(i).length; h++) {
                    own.append(lines.get(i)[h].trim()).append("\r\n");
                }
                String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                requests[i] = ("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + port
                        + "\r\nAccept: application/json\r\n" + extra + own + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            }
            return new Target(first.getHost(), port, requests);
        }

        byte[] request(long i) {
            return requests[(int) (i % requests.length)];
        }
    }

    /** Latencies (ns) of counted requests, errors, and the counted wall time. */
    record Result(long[] latencies, long errors, long countedNanos) {

        @Override
        public String toString() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            double rps = sorted.length / (countedNanos / 1e9);
            return String.format(Locale.ROOT, "count=%d errors=%d rps=%.0f p50=%.2f p90=%.2f p99=%.2f max=%.2f",
                    sorted.length, errors, rps, ms(percentile(sorted, 50)), ms(percentile(sorted, 90)),
                    ms(percentile(sorted, 99)), ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        }

        private static long percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    /** Per-thread latencies, merged at the end (no shared structure on the hot path). */
    static final class Samples {
        long[] values = new long[4096];
        int size;
        long errors;

        void add(long nanos, boolean failed) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
            if (failed) {
                errors++;
            }
        }

        static Result merge(List<Samples> all, long countedNanos) {
            long[] merged = all.stream().flatMapToLong(s -> Arrays.stream(s.values, 0, s.size)).toArray();
            return new Result(merged, all.stream().mapToLong(s -> s.errors).sum(), countedNanos);
        }
    }

    private static Result open(Target target, int rate, long seconds) throws InterruptedException {
        long total = rate * seconds;
        double interval = TimeUnit.SECONDS.toNanos(1) / (double) rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        AtomicLong next = new AtomicLong();
        List<Samples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < OPEN_CONNECTIONS; c++) {
            Samples mine = new Samples();
            samples.add(mine);
            Thread thread = new Thread(() -> {
                KeepAliveConnection connection = new KeepAliveConnection(target.host(), target.port(), TIMEOUT_MILLIS, FIRST_ERROR);
                long i;
                // Each free connection takes the next request in due order and sends it at its due time.
                while ((i = next.getAndIncrement()) < total) {
                    long due = start + (long) (i * interval);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    int status = connection.exchange(target.request(i));
                    long latency = System.nanoTime() - due;
                    if (due - start >= WARMUP_NANOS) {
                        mine.add(latency, status / 100 != 2);
                    }
                }
                connection.close();
            }, "open-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return Samples.merge(samples, TimeUnit.SECONDS.toNanos(seconds) - WARMUP_NANOS);
    }

    private static Result closed(Target target, int connections, long seconds) throws InterruptedException {
        long start = System.nanoTime();
        long countFrom = start + WARMUP_NANOS;
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong next = new AtomicLong();
        List<Samples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Samples mine = new Samples();
            samples.add(mine);
            Thread thread = new Thread(() -> {
                KeepAliveConnection connection = new KeepAliveConnection(target.host(), target.port(), TIMEOUT_MILLIS, FIRST_ERROR);
                long now;
                while ((now = System.nanoTime()) < end) {
                    int status = connection.exchange(target.request(next.getAndIncrement()));
                    long done = System.nanoTime();
                    if (now >= countFrom && done <= end) {
                        mine.add(done - now, status / 100 != 2);
                    }
                }
                connection.close();
            }, "closed-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return Samples.merge(samples, end - countFrom);
    }
}
