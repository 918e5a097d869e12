import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-loop load on GetRecommendations: requests leave at a fixed rate whatever the answers do,
 * and each latency is measured from when its request was due (no coordinated omission).
 *
 *   java bench/personalize-server-load.java ENDPOINT CAMPAIGN_ARN RATE SECONDS USERS [FILTER_ARN]
 *
 * RATE 0 sends one request at a time instead (closed loop): the service time of one request.
 */
public class PersonalizeServerLoad {

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        String campaign = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int users = Integer.parseInt(args[4]);
        String filter = args.length > 5 ? args[5] : null;
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(endpoint + "/recommendations");

        // Warm-up: JIT and connections, not measured.
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        for (int i = 0; i < 2000 && System.nanoTime() < warmUntil; i++) {
            client.send(request(uri, campaign, filter, users), HttpResponse.BodyHandlers.discarding());
        }

        if (rate == 0) {
            closedLoop(client, uri, campaign, filter, users, seconds);
            return;
        }
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000L;
        AtomicInteger sent = new AtomicInteger();
        timer.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            // Catch up with every request that is due, so a stalled timer does not lower the rate.
            while (sent.get() < total && start + sent.get() * periodNanos <= now) {
                long due = start + sent.getAndIncrement() * periodNanos;
                client.sendAsync(request(uri, campaign, filter, users), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, error) -> {
                            if (error != null || response.statusCode() != 200) {
                                errors.incrementAndGet();
                            } else {
                                latencies.add(System.nanoTime() - due);
                            }
                            done.countDown();
                        });
            }
        }, 10, 1, TimeUnit.MILLISECONDS);
        done.await(seconds + 60L, TimeUnit.SECONDS);
        timer.shutdownNow();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("requests %d in %.1f s (target %d/s), not 200 (throttled or failed) %d%n", sorted.length + errors.get(), elapsed,
                rate, errors.get());
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n", pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.exit(0);
    }

    private static void closedLoop(HttpClient client, URI uri, String campaign, String filter, int users, int seconds)
            throws Exception {
        java.util.List<Long> latencies = new java.util.ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int errors = 0;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = client.send(request(uri, campaign, filter, users),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                latencies.add(System.nanoTime() - t0);
            } else {
                errors++;
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("closed loop: %d requests in %d s (%.0f/s), errors %d%n", sorted.length, seconds,
                sorted.length / (double) seconds, errors);
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static HttpRequest request(URI uri, String campaign, String filter, int users) {
        String user = "u" + ThreadLocalRandom.current().nextInt(1, users + 1);
        String body = "{\"campaignArn\":\"" + campaign + "\",\"userId\":\"" + user + "\",\"numResults\":25"
                + (filter == null ? "" : ",\"filterArn\":\"" + filter + "\"") + "}";
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
