import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator for the clickstream benchmark (not a test), compiled with
 * {@code KeepAliveConnection.java} beside it (bench/event-ingest.sh does that):
 *
 * <pre>
 *   java -cp DIR EventLoad URL CONNECTIONS SECONDS BATCH [invalid] [rate=R] [warmup=S] [timeline] [Header: value]...
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
 * With {@code timeline}, each counted second (by due time) is also told on stderr: requests, p50,
 * p99 and max, so a few stalls can be told from a slow route.
 *
 * <p>Each worker owns one keep-alive connection and builds its next body before that body is due,
 * so the generator's own work is not counted as latency; event ids come from a non-blocking random
 * source (UUID.randomUUID's shared SecureRandom would serialise the workers).
 */
public class EventLoad {

    private static final int TIMEOUT_MILLIS = 30_000;

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int connections = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        int batch = Integer.parseInt(args[3]);
        List<String> options = Arrays.asList(args).subList(4, args.length);
        boolean invalid = options.contains("invalid");
        boolean timeline = options.contains("timeline");
        double rate = options.stream().filter(o -> o.startsWith("rate=")).mapToDouble(o -> Double.parseDouble(o.substring(5)))
                .findFirst().orElse(0);
        long warmup = options.stream().filter(o -> o.startsWith("warmup=")).mapToLong(o -> Long.parseLong(o.substring(7)))
                .findFirst().orElse(0);
        String head = requestHead(url, options.stream().filter(o -> o.contains(":")).toList());
        AtomicReference<String> firstError = new AtomicReference<>();
        long started = System.nanoTime() + Duration.ofMillis(100).toNanos();
        long measured = started + Duration.ofSeconds(warmup).toNanos();
        long end = measured + Duration.ofSeconds(seconds).toNanos();
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        AtomicLong tickets = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong other = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<long[]> dues = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            // Room for 5,000 requests a second per connection, far above what one closed-loop
            // connection reaches; 4M per connection ran 16 connections out of a 512 MB heap.
            int room = (int) Math.min(Integer.MAX_VALUE - 8, (warmup + seconds) * 5_000 + 1);
            long[] mine = new long[room];
            long[] myDues = new long[room];
            latencies.add(mine);
            dues.add(myDues);
            int worker = c;
            Thread t = new Thread(() -> {
                KeepAliveConnection connection = new KeepAliveConnection(url.getHost(), port(url), TIMEOUT_MILLIS, firstError);
                int n = 0;
                while (n < mine.length - 1) {
                    byte[] request = request(head, body(worker, n, batch, invalid));
                    long due = rate > 0 ? started + tickets.getAndIncrement() * interval : Math.max(started, System.nanoTime());
                    if (due >= end) {
                        break;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    boolean counted = due >= measured;
                    int status = connection.exchange(request);
                    if (counted) {
                        (status == 202 ? accepted : other).incrementAndGet();
                    }
                    long latency = System.nanoTime() - due;
                    // The warm-up's requests are sent but not kept (n still numbers the bodies' sessions).
                    mine[++n] = counted ? latency : -1;
                    myDues[n] = due - measured;
                }
                mine[0] = n;
                connection.close();
            });
            workers.add(t);
        }
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            t.join();
        }
        double took = (System.nanoTime() - measured) / 1e9;
        List<Long> all = new ArrayList<>();
        List<List<Long>> perSecond = new ArrayList<>();
        for (int w = 0; w < latencies.size(); w++) {
            long[] l = latencies.get(w);
            for (int i = 1; i <= l[0]; i++) {
                if (l[i] >= 0) {
                    all.add(l[i]);
                    int second = (int) (dues.get(w)[i] / 1_000_000_000L);
                    while (perSecond.size() <= second) {
                        perSecond.add(new ArrayList<>());
                    }
                    perSecond.get(second).add(l[i]);
                }
            }
        }
        all.sort(null);
        long requests = all.size();
        System.out.printf(Locale.ROOT, "%d %d %.0f %.1f %.1f %.1f %d%n", requests, accepted.get(), accepted.get() * batch / took,
                ms(all, 0.50), ms(all, 0.99), all.isEmpty() ? 0.0 : all.get(all.size() - 1) / 1e6, other.get());
        if (timeline) {
            for (int s = 0; s < perSecond.size(); s++) {
                List<Long> second = perSecond.get(s);
                second.sort(null);
                System.err.printf(Locale.ROOT, "second %d: %d requests, p50 %.1f p99 %.1f max %.1f ms%n", s, second.size(),
                        ms(second, 0.50), ms(second, 0.99), second.isEmpty() ? 0.0 : second.get(second.size() - 1) / 1e6);
            }
        }
        if (firstError.get() != null && !invalid) {
            System.err.println("first error: " + firstError.get());
        }
    }

    private static int port(URI url) {
        return url.getPort() < 0 ? 80 : url.getPort();
    }

    /** The request line and headers, up to the Content-Length that each body adds. */
    private static String requestHead(URI url, List<String> headers) {
        if (!"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("only http:// URLs: " + url);
        }
        StringBuilder head = new StringBuilder("POST ").append(url.getRawPath())
                .append(url.getRawQuery() == null ? "" : "?" + url.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(':').append(port(url)).append("\r\n")
                .append("Content-Type: application/json\r\nAccept: application/json\r\n");
        for (String h : headers) {
            head.append(h.trim()).append("\r\n");
        }
        return head.toString();
    }

    private static byte[] request(String head, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        byte[] start = (head + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(start, start.length + content.length);
        System.arraycopy(content, 0, request, start.length, content.length);
        return request;
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
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < batch; i++) {
            if (i > 0) {
                b.append(',');
            }
            String at = invalid && i == batch - 1 ? "not-a-time" : now;
            // A version-4 UUID from a per-thread generator (unique enough for a benchmark's event ids).
            UUID eventId = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                    (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
            b.append("{\"eventId\":\"").append(eventId).append("\",\"sessionId\":\"bench-")
                    .append(worker).append('-').append((n * batch + i) % 300).append("\",\"eventType\":\"view\",\"itemId\":\"")
                    .append(1 + (n * 31 + i * 7 + worker) % 1000).append("\",\"sentAt\":\"").append(at)
                    .append("\",\"page\":\"/movies\",\"device\":\"web\"}");
        }
        return b.append("]}").toString();
    }
}
