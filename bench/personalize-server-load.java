import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Open-loop load on GetRecommendations, as an AWS SDK sends it: HTTP/1.1 keep-alive connections,
 * SigV4-signed rest-json POSTs. Requests are due at a fixed rate whatever the answers do, and each
 * latency is measured from when its request was due, so a stall that delays sending counts
 * (no coordinated omission). Kept cheap so it does not take the CPU the server needs: one thread
 * per connection, each parks until its next request is due, writes it on a plain socket and reads
 * the answer; no HTTP client library, no allocation worth the name per request.
 *
 *   java bench/personalize-server-load.java ENDPOINT CAMPAIGN_ARN RATE SECONDS USERS [FILTER_ARN]
 *
 * RATE 0 sends one request at a time instead (closed loop): the service time of one request.
 * CONNECTIONS (environment, default 16) is how many connections carry the open loop: a request
 * due while all are busy waits for one, and that wait is part of its latency.
 */
public class PersonalizeServerLoad {

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        String campaign = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int users = Integer.parseInt(args[4]);
        String filter = args.length > 5 ? args[5] : null;
        int connections = Integer.parseInt(System.getenv().getOrDefault("CONNECTIONS", "16"));
        java.util.function.Supplier<Requests> requests = () -> new Requests(endpoint, campaign, filter, users);

        // Warm-up: JIT on both sides, not measured.
        try (Connection c = new Connection(endpoint)) {
            long warmUntil = System.nanoTime() + 5_000_000_000L;
            SplittableRandom random = new SplittableRandom(1);
            Requests warm = requests.get();
            int warmed = 0;
            while (warmed < 2000 && System.nanoTime() < warmUntil) {
                c.exchange(warm.next(random));
                warmed++;
            }
            System.out.printf("warm-up: %d requests, not measured%n", warmed);
        }
        double cpu0 = cpuSeconds();
        if (rate == 0) {
            closedLoop(endpoint, requests, seconds);
        } else {
            openLoop(endpoint, requests, rate, seconds, connections);
        }
        System.out.printf("load generator CPU: %.2f s%n", cpuSeconds() - cpu0);
    }

    private static void openLoop(URI endpoint, java.util.function.Supplier<Requests> requests, int rate, int seconds, int connections)
            throws Exception {
        int total = rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        // latency of request k in ns; -1 throttled, -2 failed (another status or an I/O error)
        long[] latency = new long[total];
        AtomicInteger next = new AtomicInteger();
        Connection[] open = new Connection[connections];
        for (int t = 0; t < connections; t++) {
            open[t] = new Connection(endpoint);
        }
        long start = System.nanoTime() + 20_000_000L;
        Thread[] threads = new Thread[connections];
        for (int t = 0; t < connections; t++) {
            Connection connection = open[t];
            SplittableRandom random = new SplittableRandom(100 + t);
            Requests signer = requests.get();
            threads[t] = new Thread(() -> {
                Connection c = connection;
                int k;
                while ((k = next.getAndIncrement()) < total) {
                    long due = start + k * periodNanos;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    byte[] request = signer.next(random);
                    try {
                        int status = c.exchange(request);
                        latency[k] = status == 200 ? System.nanoTime() - due : c.throttled() ? -1 : -2;
                    } catch (IOException e) {
                        latency[k] = -2;
                        c.close();
                        try {
                            c = new Connection(endpoint);
                        } catch (IOException again) {
                            return;
                        }
                    }
                }
                c.close();
            }, "load-" + t);
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long throttled = Arrays.stream(latency).filter(l -> l == -1).count();
        long failed = Arrays.stream(latency).filter(l -> l == -2 || l == 0).count();
        long[] sorted = Arrays.stream(latency).filter(l -> l > 0).sorted().toArray();
        System.out.printf("requests %d in %.1f s (target %d/s over %d connections), throttled %d, failed %d%n", total,
                elapsed, rate, connections, throttled, failed);
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n", pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static void closedLoop(URI endpoint, java.util.function.Supplier<Requests> supplier, int seconds)
            throws IOException {
        Requests requests = supplier.get();
        long[] latencies = new long[1 << 20];
        int n = 0;
        int errors = 0;
        SplittableRandom random = new SplittableRandom(2);
        try (Connection c = new Connection(endpoint)) {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end && n < latencies.length) {
                byte[] request = requests.next(random);
                long t0 = System.nanoTime();
                if (c.exchange(request) == 200) {
                    latencies[n++] = System.nanoTime() - t0;
                } else {
                    errors++;
                }
            }
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        System.out.printf("closed loop: %d requests in %d s (%.0f/s), errors %d%n", n, seconds, n / (double) seconds,
                errors);
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), n == 0 ? 0 : sorted[n - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** GetRecommendations requests for random users, signed with SigV4 as the SDK signs them (one per thread). */
    static final class Requests {

        private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
        private static final String REGION = "us-east-1";
        private static final String SERVICE = "personalize";
        private static final String ACCESS_KEY = "local";
        private static final String SECRET_KEY = "local";

        private final String host;
        private final String prefix;
        private final String suffix;
        private final int users;

        /** One per thread: the digests are not thread-safe. */
        Requests(URI endpoint, String campaign, String filter, int users) {
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
                this.mac = Mac.getInstance("HmacSHA256");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            this.host = endpoint.getHost() + ":" + endpoint.getPort();
            this.prefix = "{\"campaignArn\":\"" + campaign + "\",\"userId\":\"u";
            this.suffix = "\",\"numResults\":25" + (filter == null ? "" : ",\"filterArn\":\"" + filter + "\"") + "}";
            this.users = users;
        }

        private final MessageDigest sha256;
        private final Mac mac;
        private long second = -1;
        private String amzDate;
        private String signingDate;
        private byte[] signingKey;

        byte[] next(SplittableRandom random) {
            byte[] body = (prefix + (1 + random.nextInt(users)) + suffix).getBytes(StandardCharsets.UTF_8);
            long now = System.currentTimeMillis() / 1000;
            if (now != second) {
                // Date and signing key change at most once a second / a day: derive them then, not per request.
                second = now;
                amzDate = AMZ_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
                String date = amzDate.substring(0, 8);
                if (!date.equals(signingDate)) {
                    signingDate = date;
                    byte[] key = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), date);
                    signingKey = hmac(hmac(hmac(key, REGION), SERVICE), "aws4_request");
                }
            }
            String signedHeaders = "content-type;host;x-amz-date";
            String canonical = "POST\n/recommendations\n\ncontent-type:application/json\nhost:" + host
                    + "\nx-amz-date:" + amzDate + "\n\n" + signedHeaders + "\n" + hex(sha256.digest(body));
            String scope = signingDate + "/" + REGION + "/" + SERVICE + "/aws4_request";
            String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                    + hex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
            String head = "POST /recommendations HTTP/1.1\r\nHost: " + host
                    + "\r\nContent-Type: application/json\r\nX-Amz-Date: " + amzDate
                    + "\r\nAuthorization: AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/" + scope + ", SignedHeaders="
                    + signedHeaders + ", Signature=" + hex(hmac(signingKey, toSign))
                    + "\r\nUser-Agent: marquee-bench personalize-server-load\r\nContent-Length: " + body.length
                    + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] out = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, out, h.length, body.length);
            return out;
        }

        private byte[] hmac(byte[] key, String data) {
            try {
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static String hex(byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
    }

    /** One keep-alive HTTP/1.1 connection: write a request, read the status and the whole body. */
    static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        /** Bytes read from the socket: [0, limit) of which [0, used) belong to answers already returned. */
        private byte[] buffer = new byte[16384];
        private int limit;
        private boolean throttled;

        Connection(URI endpoint) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        /** Sends one request and returns the answer's status, having read the whole answer. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            int headEnd;
            int scanned = 0;
            while ((headEnd = indexOfCrlf2(scanned)) < 0) {
                scanned = Math.max(0, limit - 3);
                fill();
            }
            String head = new String(buffer, 0, headEnd, StandardCharsets.US_ASCII);
            int status = Integer.parseInt(head.substring(9, 12));
            int length = contentLength(head);
            if (length < 0) {
                throw new IOException("no Content-Length in " + head);
            }
            int end = headEnd + length;
            while (limit < end) {
                fill();
            }
            throttled = status != 200 && new String(buffer, headEnd, Math.min(length, 200), StandardCharsets.UTF_8)
                    .contains("ThrottlingException");
            // Keep whatever came after this answer (nothing, as one request is in flight at a time).
            System.arraycopy(buffer, end, buffer, 0, limit - end);
            limit -= end;
            return status;
        }

        private void fill() throws IOException {
            if (limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int r = in.read(buffer, limit, buffer.length - limit);
            if (r < 0) {
                throw new IOException("connection closed");
            }
            limit += r;
        }

        /** The index just past the first CRLFCRLF at or after {@code from}, or -1. */
        private int indexOfCrlf2(int from) {
            for (int i = from; i + 3 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                    return i + 4;
                }
            }
            return -1;
        }

        /** Whether the last non-200 answer was a ThrottlingException. */
        boolean throttled() {
            return throttled;
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                    return Integer.parseInt(line.substring(colon + 1).trim());
                }
            }
            return -1;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
