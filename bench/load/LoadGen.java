import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A small HTTP load generator for the Marquee benchmarks (not a test). Run it as a single-file
 * program, no build needed:
 *
 * <pre>
 *   java bench/load/LoadGen.java open   URL RATE SECONDS [Header: value]...
 *   java bench/load/LoadGen.java closed URL CONNECTIONS SECONDS [Header: value]...
 * </pre>
 *
 * {@code open}: an open-loop GET at a fixed RATE per second. Request i is due at start + i/RATE
 * whether or not earlier ones have answered, and its latency is measured from that due time, not
 * from when it was actually sent: a stall on the server shows up as latency of every request it
 * delayed (no coordinated omission).
 * {@code closed}: CONNECTIONS workers each send the next GET as soon as the last one answered;
 * the answers per second are the maximum throughput at that concurrency.
 *
 * The first second of each run warms up and is not counted. Prints one line of
 * {@code key=value} pairs: count, errors (non-2xx or failed), rps, p50/p90/p99/max in ms.
 */
public final class LoadGen {

    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The first failure of a run, told on stderr so a table full of errors can be explained. */
    private static final java.util.concurrent.atomic.AtomicReference<String> FIRST_ERROR =
            new java.util.concurrent.atomic.AtomicReference<>();

    private static void noteError(HttpResponse<?> response, Throwable failure) {
        FIRST_ERROR.compareAndSet(null, failure != null ? failure.toString() : "HTTP " + response.statusCode());
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LoadGen open|closed URL RATE|CONNECTIONS SECONDS [Header: value]...");
            System.exit(2);
        }
        String mode = args[0];
        URI uri = URI.create(args[1]);
        int amount = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 4; i < args.length; i++) {
            int colon = args[i].indexOf(':');
            request.header(args[i].substring(0, colon).trim(), args[i].substring(colon + 1).trim());
        }
        Result result = switch (mode) {
            case "open" -> open(request.build(), amount, seconds);
            case "closed" -> closed(request.build(), amount, seconds);
            default -> throw new IllegalArgumentException("mode must be open or closed: " + mode);
        };
        System.out.println(result);
        if (FIRST_ERROR.get() != null) {
            System.err.println("first error: " + FIRST_ERROR.get());
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

    private static Result open(HttpRequest request, int rate, long seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latencies = new long[(int) total];
        boolean[] counted = new boolean[(int) total];
        AtomicLong errors = new AtomicLong();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            boolean count = due - start >= WARMUP_NANOS;
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        latencies[n] = System.nanoTime() - due;
                        counted[n] = count;
                        if (count && (failure != null || response.statusCode() / 100 != 2)) {
                            errors.incrementAndGet();
                            noteError(response, failure);
                        }
                        return null;
                    }));
            if (pending.size() > 10_000) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        pool.shutdownNow();
        long[] kept = new long[(int) total];
        int k = 0;
        for (int i = 0; i < total; i++) {
            if (counted[i]) {
                kept[k++] = latencies[i];
            }
        }
        return new Result(Arrays.copyOf(kept, k), errors.get(), TimeUnit.SECONDS.toNanos(seconds) - WARMUP_NANOS);
    }

    private static Result closed(HttpRequest request, int connections, long seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long countFrom = start + WARMUP_NANOS;
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong errors = new AtomicLong();
        List<long[]> perWorker = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            long[][] box = {new long[1024]};
            int[] size = {0};
            Thread worker = new Thread(() -> {
                long now;
                while ((now = System.nanoTime()) < end) {
                    boolean failed;
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        failed = response.statusCode() / 100 != 2;
                        if (failed) {
                            noteError(response, null);
                        }
                    } catch (Exception e) {
                        failed = true;
                        noteError(null, e);
                    }
                    long done = System.nanoTime();
                    if (now >= countFrom && done <= end) {
                        if (failed) {
                            errors.incrementAndGet();
                        }
                        if (size[0] == box[0].length) {
                            box[0] = Arrays.copyOf(box[0], size[0] * 2);
                        }
                        box[0][size[0]++] = done - now;
                    }
                }
                synchronized (perWorker) {
                    perWorker.add(Arrays.copyOf(box[0], size[0]));
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long[] all = perWorker.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(all, errors.get(), end - countFrom);
    }
}
