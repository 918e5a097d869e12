package io.marquee.personalize.engine.eval;

import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.engine.ItemMetadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic interactions of any size for benchmarks: items in clusters of 100 (a genre each),
 * long-tailed popularity, users with two favourite clusters, and sequential habits (the next
 * item of a cluster often follows). Deterministic for a seed.
 */
public final class SyntheticData {

    private SyntheticData() {
    }

    public static List<Interaction> interactions(int count, int items, int users, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int clusters = Math.max(1, items / 100);
        List<Interaction> out = new ArrayList<>(count);
        long start = 1_600_000_000_000L;
        long span = 3L * 365 * 86_400_000L;
        int perUser = Math.max(2, count / users);
        for (int u = 0; out.size() < count; u++) { // users beyond the given number top up to the count
            int c1 = r.nextInt(clusters);
            int c2 = r.nextInt(clusters);
            int n = Math.max(2, (int) Math.min(perUser * 8, perUser * Math.exp(0.8 * r.nextGaussian() - 0.32)));
            long t = start + (long) (r.nextDouble() * span * 0.8);
            int prev = -1;
            for (int e = 0; e < n && out.size() < count; e++) {
                int item;
                double x = r.nextDouble();
                if (prev >= 0 && x < 0.25 && (prev + 1) % 100 != 0 && prev + 1 < items) {
                    item = prev + 1;
                } else if (x < 0.8) {
                    int c = r.nextBoolean() ? c1 : c2;
                    item = Math.min(items - 1, c * 100 + zipf(r, 100));
                } else {
                    item = zipf(r, items);
                }
                t += 60_000L + (long) (r.nextExponential() * (r.nextDouble() < 0.2 ? 86_400_000L : 1_800_000L));
                out.add(new Interaction("u" + u, "i" + item, t, "view", Double.NaN));
                prev = item;
            }
        }
        return out;
    }

    /** Genre (the cluster) and year for every item. */
    public static Map<String, ItemMetadata> items(int items) {
        Map<String, ItemMetadata> m = new HashMap<>();
        for (int i = 0; i < items; i++) {
            m.put("i" + i, new ItemMetadata("i" + i, Map.of("GENRES", "g" + (i / 100), "YEAR",
                    Integer.toString(1950 + i % 70))));
        }
        return m;
    }

    /** Zipf-like index in [0, n): popular low indexes. */
    private static int zipf(SplittableRandom r, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1, r.nextDouble()) - 1));
    }
}
