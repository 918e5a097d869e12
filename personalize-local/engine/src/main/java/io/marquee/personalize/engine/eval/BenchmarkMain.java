package io.marquee.personalize.engine.eval;

import io.marquee.personalize.engine.Dataset;
import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.engine.ItemMetadata;
import io.marquee.personalize.engine.Model;
import io.marquee.personalize.engine.Models;
import io.marquee.personalize.engine.Recipe;
import io.marquee.personalize.engine.TrainingConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Speed benchmarks of the engine (not tests): training time and peak heap, one real-time event
 * (observe + next recommend), and recommend latency under a paced load.
 *
 * <pre>
 * BenchmarkMain train FILE                       train every recipe on an interactions file
 * BenchmarkMain synthetic INTERACTIONS ITEMS     generate, train user-personalization, then latency
 * </pre>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("train")) {
            List<Interaction> all = InteractionsFile.read(Path.of(args[1]), null);
            Map<String, ItemMetadata> items = InteractionsFile.readMovies(Path.of(args[1]).resolveSibling("movies.csv"));
            System.out.printf(Locale.ROOT, "%s: %d interactions, %d items%n", args[1], all.size(), distinctItems(all));
            Model up = null;
            for (Recipe r : Recipe.values()) {
                if (r == Recipe.PERSONALIZED_RANKING) {
                    continue; // the same model as user-personalization
                }
                resetPeak();
                long t0 = System.nanoTime();
                double c0 = cpuSeconds();
                Model m = Models.train(r, new Dataset(all, items, Map.of()), TrainingConfig.defaults());
                System.out.printf(Locale.ROOT, "train %-22s %6.1f s wall  %6.1f s CPU  peak heap %5.0f MB  (load average %s)%n",
                        r.name().toLowerCase(Locale.ROOT), (System.nanoTime() - t0) / 1e9, cpuSeconds() - c0,
                        peakHeapMb(), load());
                if (r == Recipe.USER_PERSONALIZATION) {
                    up = m;
                }
            }
            latency(up, all, 20);
        } else if (args.length >= 3 && args[0].equals("synthetic")) {
            int count = Integer.parseInt(args[1]);
            int items = Integer.parseInt(args[2]);
            int users = args.length > 3 ? Integer.parseInt(args[3]) : Math.max(100, count / 50);
            List<Interaction> all = SyntheticData.interactions(count, items, users, 7);
            System.out.printf(Locale.ROOT, "synthetic: %d interactions, %d users, %d items (max heap %d MB)%n", all.size(),
                    users, distinctItems(all), Runtime.getRuntime().maxMemory() >> 20);
            resetPeak();
            long t0 = System.nanoTime();
            double c0 = cpuSeconds();
            Model up = Models.train(Recipe.USER_PERSONALIZATION, new Dataset(all, SyntheticData.items(items), Map.of()),
                    TrainingConfig.defaults());
            System.out.printf(Locale.ROOT, "train user_personalization %6.1f s wall  %6.1f s CPU  peak heap %5.0f MB"
                    + "  validation NDCG@10 %.4f  (load average %s)%n", (System.nanoTime() - t0) / 1e9, cpuSeconds() - c0,
                    peakHeapMb(), up.metrics().getOrDefault("normalized_discounted_cumulative_gain_at_10", Double.NaN), load());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long t1 = System.nanoTime();
            up.write(out);
            System.out.printf(Locale.ROOT, "write model %.1f s, %d MB%n", (System.nanoTime() - t1) / 1e9, out.size() >> 20);
            out = null;
            latency(up, all, 20);
        } else {
            System.err.println("usage: BenchmarkMain train FILE | synthetic INTERACTIONS ITEMS [USERS]");
            System.exit(2);
        }
    }

    /** CPU time of the whole process, all threads (comparable when other processes share the cores). */
    private static double cpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long distinctItems(List<Interaction> all) {
        return all.stream().map(Interaction::itemId).distinct().count();
    }

    /** Real-time events, then recommend latency at 500 requests/s for {@code seconds}. */
    private static void latency(Model model, List<Interaction> all, int seconds) throws Exception {
        Map<String, List<Interaction>> byUser = new HashMap<>();
        for (Interaction i : all) {
            byUser.computeIfAbsent(i.userId(), k -> new ArrayList<>()).add(i);
        }
        List<List<Interaction>> histories = new ArrayList<>(byUser.values());
        histories.forEach(h -> h.sort((a, b) -> Long.compare(a.timestampMillis(), b.timestampMillis())));
        String[] itemIds = all.stream().map(Interaction::itemId).distinct().toArray(String[]::new);
        SplittableRandom r = new SplittableRandom(1);
        // warm up
        for (int i = 0; i < 300; i++) {
            model.recommend(histories.get(r.nextInt(histories.size())), 25, id -> true);
        }
        // one real-time event: observe, then the next recommendation with the event in the history
        int events = 500;
        long[] eventNanos = new long[events];
        for (int i = 0; i < events; i++) {
            List<Interaction> h = new ArrayList<>(histories.get(r.nextInt(histories.size())));
            Interaction e = new Interaction(h.get(0).userId(), itemIds[r.nextInt(itemIds.length)],
                    h.get(h.size() - 1).timestampMillis() + 1000, "view", Double.NaN);
            long t0 = System.nanoTime();
            model.observe(e);
            h.add(e);
            model.recommend(h, 25, id -> true);
            eventNanos[i] = System.nanoTime() - t0;
        }
        System.out.printf(Locale.ROOT, "real-time event (observe + next recommend): p50 %.2f ms  p99 %.2f ms  (%d events)%n",
                pct(eventNanos, 0.5), pct(eventNanos, 0.99), events);
        // service time: one request after the other on one thread
        long[] one = new long[2000];
        for (int i = 0; i < one.length; i++) {
            List<Interaction> h = histories.get(r.nextInt(histories.size()));
            long t0 = System.nanoTime();
            model.recommend(h, 25, id -> true);
            one[i] = System.nanoTime() - t0;
        }
        System.out.printf(Locale.ROOT, "recommend (25 items), one at a time: p50 %.2f ms  p99 %.2f ms  (load average %s)%n",
                pct(one, 0.5), pct(one, 0.99), load());
        // paced load: 500 requests/s, latency counted from the scheduled start (no coordinated omission)
        int rate = 500;
        int total = rate * seconds;
        long[] lat = new long[total];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long begin = System.nanoTime() + 10_000_000L;
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                SplittableRandom rr = new SplittableRandom(worker);
                for (int q = worker; q < total; q += 4) {
                    long due = begin + (long) q * 1_000_000_000L / rate;
                    long now;
                    while ((now = System.nanoTime()) < due) {
                        long sleep = due - now;
                        if (sleep > 200_000) {
                            // Wake 200 µs early and spin the rest: sleeping until the due time measured
                            // the timer's overshoot (often more than the request) as latency.
                            LockSupport.parkNanos(sleep - 200_000);
                        } else {
                            Thread.onSpinWait();
                        }
                    }
                    model.recommend(histories.get(rr.nextInt(histories.size())), 25, id -> true);
                    lat[q] = System.nanoTime() - due;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(seconds * 10L, TimeUnit.SECONDS);
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "recommend (25 items) at %d req/s for %d s: p50 %.2f ms  p99 %.2f ms  max %.2f ms"
                + "  (load average %s)%n", rate, seconds, pct(lat, 0.5), pct(lat, 0.99), pct(lat, 1.0), load());
    }

    private static double pct(long[] nanos, double p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.min(s.length - 1, Math.ceil(p * s.length) - 1);
        return s[Math.max(0, i)] / 1e6;
    }

    private static void resetPeak() {
        System.gc();
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            b.resetPeakUsage();
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) {
                sum += b.getPeakUsage().getUsed();
            }
        }
        return sum / 1048576.0;
    }
}
