package io.marquee.personalize.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The trained parts of user-personalization: EASE and SLIT over the most active items, and
 * item-to-item transitions over all of them. Each scores a user as a linear function of that
 * user's history, so a new event changes the next score with no retraining. Immutable.
 */
final class Components {

    /** EASE reads at most this many newest distinct items of a history (bounds the cost of a request). */
    static final int MAX_EASE_HISTORY = 250;

    private static final System.Logger LOG = System.getLogger(Components.class.getName());

    final int[] dense;
    /** The item of each dense index: the inverse of {@link #dense}. */
    private final int[] denseItems;
    final int k;
    final float[] ease;
    final float[] slit;
    /** SLIT covers the first {@code ks} dense items (a prefix: the most active). */
    final int ks;
    final Transitions transitions;

    Components(int[] dense, float[] ease, float[] slit, Transitions transitions) {
        this.dense = dense;
        this.k = LinearModels.denseSize(dense);
        this.denseItems = new int[k];
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] >= 0) {
                denseItems[dense[i]] = i;
            }
        }
        this.ks = slit == null ? 0 : (int) Math.round(Math.sqrt(slit.length));
        this.ease = ease;
        this.slit = slit;
        this.transitions = transitions;
    }

    static Components fit(double[] counts, int items, Sequences seqs, Params p) {
        long t0 = System.nanoTime();
        int[] dense = LinearModels.denseIndex(counts, items, p.getInt("max_dense_items"));
        int k = LinearModels.denseSize(dense);
        float[] ease = null;
        if (p.get("weight_ease") > 0) {
            ease = LinearModels.ease(LinearModels.gram(seqs, dense, k), k, p.get("ease_lambda"), true);
        }
        long t1 = System.nanoTime();
        float[] slit = null;
        if (p.get("weight_slit") > 0) {
            int ks = Math.min(k, p.getInt("max_slit_items"));
            slit = LinearModels.slit(LinearModels.slitMoments(seqs, dense, ks, p.getInt("slit_window"),
                    p.get("slit_decay")), ks, p.get("slit_lambda"), true);
        }
        long t2 = System.nanoTime();
        Transitions t = Transitions.build(seqs, items, p.getInt("transition_window"), p.get("transition_decay"),
                Math.max(50, p.getInt("similar_neighbours")));
        LOG.log(System.Logger.Level.INFO, "fit {0} items ({1} dense): EASE {2} s, SLIT {3} s, transitions {4} s",
                items, k, secs(t1 - t0), secs(t2 - t1), secs(System.nanoTime() - t2));
        return new Components(dense, ease, slit, t);
    }

    private static String secs(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** The same dense models with transitions refit (on all the data, after validation on a split). */
    Components withTransitions(Transitions t) {
        return new Components(dense, ease, slit, t);
    }

    private int dense(int item) {
        return item < dense.length ? dense[item] : -1;
    }

    /** EASE on the recency-weighted history: weight 1 + c·decay^rank, rank 0 the newest distinct item. */
    double[] ease(int[] seq, int n, double c, double decay) {
        double[] out = new double[n];
        if (ease == null || k == 0) {
            return out;
        }
        int[] recent = Sequences.recentDistinct(seq, MAX_EASE_HISTORY);
        float[] d = new float[k];
        double w = 1;
        for (int r = 0; r < recent.length; r++, w *= decay) {
            int di = dense(recent[r]);
            if (di >= 0) {
                LinearModels.addRow(ease, k, di, (float) (1 + c * w), d);
            }
        }
        scatter(d, out);
        return out;
    }

    /** SLIT from the decayed window of the newest events. */
    double[] slit(int[] seq, int n, int window, double decay) {
        double[] out = new double[n];
        if (slit == null || ks == 0) {
            return out;
        }
        float[] d = new float[ks];
        double w = 1;
        for (int q = 0; q < window && q < seq.length; q++, w *= decay) {
            int di = dense(seq[seq.length - 1 - q]);
            if (di >= 0 && di < ks) {
                LinearModels.addRow(slit, ks, di, (float) w, d);
            }
        }
        scatter(d, out);
        return out;
    }

    /** Transitions from the last {@code history} distinct items, the newest weighted 1, then decay^rank. */
    double[] transitions(int[] seq, int n, int history, double decay) {
        double[] out = new double[n];
        int[] recent = Sequences.recentDistinct(seq, history);
        double w = 1;
        for (int r = 0; r < recent.length; r++, w *= decay) {
            transitions.addRow(recent[r], w, out);
        }
        return out;
    }

    private void scatter(float[] d, double[] out) {
        int lim = Math.min(dense.length, out.length);
        for (int i = 0; i < lim; i++) {
            int di = dense[i];
            if (di >= 0 && di < d.length) {
                out[i] = d[di];
            }
        }
    }

    /** All components of a history with the given score-time parameters: ease, slit, transitions. */
    double[][] all(int[] seq, int n, Params p) {
        return new double[][] {
            p.get("weight_ease") > 0 ? ease(seq, n, p.get("ease_recency_weight"), p.get("ease_recency_decay"))
                    : new double[n],
            p.get("weight_slit") > 0 ? slit(seq, n, p.getInt("slit_window"), p.get("slit_decay")) : new double[n],
            p.get("weight_transitions") > 0 ? transitions(seq, n, p.getInt("transition_history"),
                    p.get("transition_history_decay")) : new double[n]};
    }

    /**
     * Each component divided by its maximum over the candidates (skipped when that is not positive),
     * weighted and summed, plus a small popularity term that orders what the history says nothing about.
     */
    static double[] blend(double[][] comps, double[] weights, double[] popularity, boolean[] excluded) {
        int n = popularity.length;
        double[] out = new double[n];
        for (int c = 0; c < comps.length; c++) {
            if (weights[c] == 0) {
                continue;
            }
            double[] s = comps[c];
            double max = 0;
            for (int i = 0; i < n; i++) {
                if ((excluded == null || !excluded[i]) && s[i] > max) {
                    max = s[i];
                }
            }
            if (max <= 0) {
                continue;
            }
            double f = weights[c] / max;
            for (int i = 0; i < n; i++) {
                out[i] += f * s[i];
            }
        }
        double maxPop = 0;
        for (double v : popularity) {
            maxPop = Math.max(maxPop, v);
        }
        if (maxPop > 0) {
            double f = 1e-3 / maxPop;
            for (int i = 0; i < n; i++) {
                out[i] += f * popularity[i];
            }
        }
        return out;
    }

    static double[] weights(Params p) {
        return new double[] {p.get("weight_ease"), p.get("weight_slit"), p.get("weight_transitions")};
    }

    /** Per-thread working arrays of {@link #blendInto}, grown on demand and reused across requests. */
    static final class Scratch {
        double[] scores = new double[0];
        /** All zero between calls. */
        double[] transitions = new double[0];
        float[] dense = new float[0];
        /** All false between calls. */
        boolean[] excluded = new boolean[0];
        /** Exploration's affinity of each fresh item. */
        double[] affinity = new double[0];

        void ensure(int items, int denseItems) {
            if (scores.length < items) {
                scores = new double[items];
                transitions = new double[items];
                excluded = new boolean[items];
            }
            if (dense.length < denseItems) {
                dense = new float[denseItems];
            }
        }

        double[] affinity(int fresh) {
            if (affinity.length < fresh) {
                affinity = new double[fresh];
            }
            return affinity;
        }
    }

    /**
     * {@code blend(all(seq, n, p), weights(p), popularity, excluded)} in {@code out[0..n)}, to the
     * bit, without a catalog-wide array per component: the dense models are read in their own
     * index space and transitions only where the history reaches. {@code popularityTerm} is the
     * already-scaled popularity term ({@code 1e-3 * count / max count}).
     */
    void blendInto(int[] seq, int n, Params p, double[] popularityTerm, boolean[] excluded, double[] out,
            Scratch scratch) {
        Arrays.fill(out, 0, n, 0.0);
        double[] weights = weights(p);
        if (weights[0] > 0 && ease != null && k > 0) {
            float[] d = scratch.dense;
            Arrays.fill(d, 0, k, 0f);
            int[] recent = Sequences.recentDistinct(seq, MAX_EASE_HISTORY);
            double c = p.get("ease_recency_weight");
            double decay = p.get("ease_recency_decay");
            double w = 1;
            for (int r = 0; r < recent.length; r++, w *= decay) {
                int di = dense(recent[r]);
                if (di >= 0) {
                    LinearModels.addRow(ease, k, di, (float) (1 + c * w), d);
                }
            }
            addDense(d, k, weights[0], n, excluded, out);
        }
        if (weights[1] > 0 && slit != null && ks > 0) {
            float[] d = scratch.dense;
            Arrays.fill(d, 0, ks, 0f);
            int window = p.getInt("slit_window");
            double decay = p.get("slit_decay");
            double w = 1;
            for (int q = 0; q < window && q < seq.length; q++, w *= decay) {
                int di = dense(seq[seq.length - 1 - q]);
                if (di >= 0 && di < ks) {
                    LinearModels.addRow(slit, ks, di, (float) w, d);
                }
            }
            addDense(d, ks, weights[1], n, excluded, out);
        }
        if (weights[2] > 0) {
            double[] t = scratch.transitions;
            int[] recent = Sequences.recentDistinct(seq, p.getInt("transition_history"));
            double decay = p.get("transition_history_decay");
            double w = 1;
            for (int r = 0; r < recent.length; r++, w *= decay) {
                transitions.addRow(recent[r], w, t);
            }
            double max = 0;
            for (int a : recent) {
                max = Math.max(max, transitions.rowMax(a, t, excluded, n));
            }
            double f = weights[2] / max;
            for (int a : recent) {
                transitions.drain(a, t, max > 0 ? f : 0, out, n);
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] += popularityTerm[i];
        }
    }

    /** One dense component: scaled by its maximum over the candidates, weighted, added to its items. */
    private void addDense(float[] d, int len, double weight, int n, boolean[] excluded, double[] out) {
        double max = 0;
        for (int di = 0; di < len; di++) {
            int item = denseItems[di];
            if (item < n && (excluded == null || !excluded[item]) && d[di] > max) {
                max = d[di];
            }
        }
        if (max <= 0) {
            return;
        }
        double f = weight / max;
        for (int di = 0; di < len; di++) {
            int item = denseItems[di];
            if (item < n) {
                out[item] += f * d[di];
            }
        }
    }

    void write(DataOutputStream out) throws IOException {
        Io.writeInts(out, dense);
        Io.writeFloats(out, ease);
        Io.writeFloats(out, slit);
        transitions.write(out);
    }

    static Components read(DataInputStream in) throws IOException {
        int[] dense = Io.readInts(in);
        float[] ease = Io.readFloats(in);
        float[] slit = Io.readFloats(in);
        return new Components(dense, ease, slit, Transitions.read(in));
    }
}
