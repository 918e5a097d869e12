package io.marquee.personalize.engine.eval;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Top-k ranking metrics with binary relevance, averaged over users, named as Personalize's
 * GetSolutionMetrics names them. Each user contributes one ranked list (best first) and the set
 * of items that are the truth for it. NDCG divides by the ideal DCG of min(|truth|, k) hits.
 */
public final class RankingMetrics {

    private final int catalogSize;
    private final BitSet recommendedAt10 = new BitSet();
    private int users;
    private double hit10;
    private double[] ndcg = new double[3];
    private double[] precision = new double[3];
    private double mrr25;
    private static final int[] CUTS = {5, 10, 25};

    /** @param catalogSize the number of items that could be recommended, for coverage */
    public RankingMetrics(int catalogSize) {
        this.catalogSize = catalogSize;
    }

    /** Adds one user's ranked list (item indexes) with its truth set; users with no truth are skipped. */
    public synchronized void add(int[] ranked, Set<Integer> truth) {
        if (truth.isEmpty()) {
            return;
        }
        users++;
        for (int r = 0; r < Math.min(10, ranked.length); r++) {
            recommendedAt10.set(ranked[r]);
        }
        for (int c = 0; c < CUTS.length; c++) {
            ndcg[c] += ndcg(ranked, truth, CUTS[c]);
            precision[c] += hits(ranked, truth, CUTS[c]) / (double) CUTS[c];
        }
        hit10 += hits(ranked, truth, 10) > 0 ? 1 : 0;
        for (int r = 0; r < Math.min(25, ranked.length); r++) {
            if (truth.contains(ranked[r])) {
                mrr25 += 1.0 / (r + 1);
                break;
            }
        }
    }

    public static double ndcg(int[] ranked, Set<Integer> truth, int k) {
        double dcg = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (truth.contains(ranked[r])) {
                dcg += 1 / log2(r + 2);
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(k, truth.size()); r++) {
            ideal += 1 / log2(r + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    public static int hits(int[] ranked, Set<Integer> truth, int k) {
        int h = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (truth.contains(ranked[r])) {
                h++;
            }
        }
        return h;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public synchronized int users() {
        return users;
    }

    public synchronized double ndcgAt10() {
        return users == 0 ? 0 : ndcg[1] / users;
    }

    /** The averages, GetSolutionMetrics names first, then {@code hit_rate_at_10}. */
    public synchronized Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        double u = Math.max(1, users);
        m.put("coverage", catalogSize == 0 ? 0 : recommendedAt10.cardinality() / (double) catalogSize);
        m.put("mean_reciprocal_rank_at_25", mrr25 / u);
        for (int c = 0; c < CUTS.length; c++) {
            m.put("normalized_discounted_cumulative_gain_at_" + CUTS[c], ndcg[c] / u);
        }
        for (int c = 0; c < CUTS.length; c++) {
            m.put("precision_at_" + CUTS[c], precision[c] / u);
        }
        m.put("hit_rate_at_10", hit10 / u);
        return m;
    }
}
