import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator for the clickstream benchmark (not a test), a single-file program:
 *
 * <pre>
 *   java bench/load/EventLoad.java URL CONNECTIONS SECONDS BATCH [invalid] [rate=R] [warmup=S] [Header: value]...
 * </pre>
 *
 * CONNECTIONS workers each POST the next batch of BATCH fresh view events (new event ids, a few
 * hundred sessions, items 1..1000) as soon as the last one was answered (closed loop: the most the
 * route accepts, and the latency a client sees at that saturation). With {@code rate=R} the batches
 * are sent on a fixed schedule of R requests a second instead (open loop, at most CONNECTIONS at a
 * time), and each latency is measured from the moment its request was due, not from when a worker
 * got round to it, so a stall counts against every request it delayed (no coordinated omission).
 * With {@code warmup=S} the same load runs S seconds first and is not counted: this program's own
 * JIT warm-up (a fresh JVM sends its first requests late) would otherwise count as the service's.
 * Prints one line: {@code requests answered202 events/s p50 p99 max other}, latencies in ms. With
 * {@code invalid} the last event of every batch has a malformed time, so the service reads and
 * checks the whole batch and answers 400 without touching Kafka: the same route without the broker.
 */
public class EventLoad {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int connections = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        int batch = Integer.parseInt(args[3]);
        List<String> options = Arrays.asList(args).subList(4, args.length);
        boolean invalid = options.contains("invalid");
        double rate = options.stream().filter(o -> o.startsWith("rate=")).mapToDouble(o -> Double.parseDouble(o.substring(5)))
                .findFirst().orElse(0);
        long warmup = options.stream().filter(o -> o.startsWith("warmup=")).mapToLong(o -> Long.parseLong(o.substring(7)))
                .findFirst().orElse(0);
        List<String> headers = options.stream().filter(o -> o.contains(":")).toList();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long started = System.nanoTime() + Duration.ofMillis(100).toNanos();
        long measured = started + Duration.ofSeconds(warmup).toNanos();
        long end = measured + Duration.ofSeconds(seconds).toNanos();
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        AtomicLong tickets = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong other = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            // Room for 5,000 requests a second per connection, far above what one closed-loop
            // connection reaches; 4M per connection ran 16 connections out of a 512 MB heap.
            long[] mine = new long[(int) Math.min(Integer.MAX_VALUE - 8, (warmup + seconds) * 5_000 + 1)];
            latencies.add(mine);
            int worker = c;
            Thread t = new Thread(() -> {
                int n = 0;
                while (n < mine.length - 1) {
                    long due = rate > 0 ? started + tickets.getAndIncrement() * interval : Math.max(started, System.nanoTime());
                    if (due >= end) {
                        break;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body(worker, n, batch, invalid)));
                    for (String h : headers) {
                        int colon = h.indexOf(':');
                        request.header(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
                    }
                    boolean counted = due >= measured;
                    try {
                        int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (counted) {
                            (status == 202 ? accepted : other).incrementAndGet();
                        }
                    } catch (Exception e) {
                        if (counted) {
                            other.incrementAndGet();
                        }
                    }
                    long latency = System.nanoTime() - due;
                    // The warm-up's requests are sent but not kept (n still numbers the bodies' sessions).
                    mine[++n] = counted ? latency : -1;
                }
                mine[0] = n;
            });
            workers.add(t);
        }
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            t.join();
        }
        double took = (System.nanoTime() - measured) / 1e9;
        List<Long> all = new ArrayList<>();
        for (long[] l : latencies) {
            for (int i = 1; i <= l[0]; i++) {
                if (l[i] >= 0) {
                    all.add(l[i]);
                }
            }
        }
        all.sort(null);
        long requests = all.size();
        System.out.printf("%d %d %.0f %.1f %.1f %.1f %d%n", requests, accepted.get(), accepted.get() * batch / took,
                ms(all, 0.50), ms(all, 0.99), all.isEmpty() ? 0.0 : all.get(all.size() - 1) / 1e6, other.get());
    }

    private static double ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private static String body(int worker, int n, int batch, boolean invalid) {
        StringBuilder b = new StringBuilder(batch * 160).append("{\"events\":[");
        String now = Instant.now().toString();
        for (int i = 0; i < batch; i++) {
            if (i > 0) {
                b.append(',');
            }
            String at = invalid && i == batch - 1 ? "not-a-time" : now;
            b.append("{\"eventId\":\"").append(UUID.randomUUID()).append("\",\"sessionId\":\"bench-")
                    .append(worker).append('-').append((n * batch + i) % 300).append("\",\"eventType\":\"view\",\"itemId\":\"")
                    .append(1 + (n * 31 + i * 7 + worker) % 1000).append("\",\"sentAt\":\"").append(at)
                    .append("\",\"page\":\"/movies\",\"device\":\"web\"}");
        }
        return b.append("]}").toString();
    }
}
