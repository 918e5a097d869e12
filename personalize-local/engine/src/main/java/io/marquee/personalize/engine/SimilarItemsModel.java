package io.marquee.personalize.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * similar-items: for item a, a blend of (1) cosine co-occurrence over users' item sets, (2)
 * sequential neighbours (b right before or after a in users' histories) and (3) metadata
 * similarity (genres, year), whose weight {@code s/(s + interactions(a))} grows as a has fewer
 * interactions ({@code s} = {@code similar_metadata_shrinkage}); an item known only from
 * PutItems is matched by metadata alone. An unknown item gets popular items.
 */
final class SimilarItemsModel implements Model {

    /** Users' newest distinct items that count in co-occurrence (bounds the cost of heavy users). */
    private static final int MAX_ITEMS_PER_USER = 500;

    private final Catalog catalog;
    private final Params params;
    private final int[] rowStart;
    private final int[] cols;
    private final float[] vals;
    private final Transitions transitions;
    private final Map<String, Double> metrics;

    SimilarItemsModel(Catalog catalog, Params params, int[] rowStart, int[] cols, float[] vals,
            Transitions transitions, Map<String, Double> metrics) {
        this.catalog = catalog;
        this.params = params;
        this.rowStart = rowStart;
        this.cols = cols;
        this.vals = vals;
        this.transitions = transitions;
        this.metrics = metrics;
    }

    static SimilarItemsModel train(Dataset dataset, TrainingConfig config) {
        Catalog catalog = Catalog.of(dataset);
        Params p = Params.of(config.hyperParameters());
        Sequences seqs = Sequences.of(dataset.interactions(), catalog);
        int items = catalog.size();
        int maxN = p.getInt("similar_neighbours");
        // Users' distinct items, and for each item the users who have it.
        int[][] userItems = new int[seqs.size()][];
        int[] df = new int[items];
        for (int u = 0; u < seqs.size(); u++) {
            userItems[u] = Sequences.recentDistinct(seqs.items[u], MAX_ITEMS_PER_USER);
            for (int i : userItems[u]) {
                df[i]++;
            }
        }
        int[][] itemUsers = new int[items][];
        for (int i = 0; i < items; i++) {
            itemUsers[i] = new int[df[i]];
        }
        int[] fill = new int[items];
        for (int u = 0; u < userItems.length; u++) {
            for (int i : userItems[u]) {
                itemUsers[i][fill[i]++] = u;
            }
        }
        int[] start = new int[items + 1];
        int[][] nc = new int[items][];
        float[][] nv = new float[items][];
        double[] acc = new double[items];
        int[] touched = new int[items];
        for (int a = 0; a < items; a++) {
            int nt = 0;
            for (int u : itemUsers[a]) {
                for (int b : userItems[u]) {
                    if (b != a) {
                        if (acc[b] == 0) {
                            touched[nt++] = b;
                        }
                        acc[b] += 1;
                    }
                }
            }
            double[] sim = new double[nt];
            for (int t = 0; t < nt; t++) {
                int b = touched[t];
                sim[t] = acc[b] / Math.sqrt((double) df[a] * df[b]);
            }
            Integer[] order = new Integer[nt];
            for (int t = 0; t < nt; t++) {
                order[t] = t;
            }
            Arrays.sort(order, (x, y) -> Double.compare(sim[y], sim[x]));
            int m = Math.min(maxN, nt);
            nc[a] = new int[m];
            nv[a] = new float[m];
            for (int t = 0; t < m; t++) {
                nc[a][t] = touched[order[t]];
                nv[a][t] = (float) sim[order[t]];
            }
            for (int t = 0; t < nt; t++) {
                acc[touched[t]] = 0;
            }
            start[a + 1] = start[a] + m;
        }
        int[] cols = new int[start[items]];
        float[] vals = new float[start[items]];
        for (int a = 0; a < items; a++) {
            System.arraycopy(nc[a], 0, cols, start[a], nc[a].length);
            System.arraycopy(nv[a], 0, vals, start[a], nv[a].length);
        }
        Transitions t = Transitions.build(seqs, items, 2, 0.5, maxN);
        return new SimilarItemsModel(catalog, p, start, cols, vals, t, Map.of());
    }

    @Override
    public Recipe recipe() {
        return Recipe.SIMILAR_ITEMS;
    }

    @Override
    public Map<String, Double> metrics() {
        return metrics;
    }

    /** Similarity of every item to item a, in [0, ~2]; -inf for a itself. */
    double[] scores(int a, int n) {
        double[] s = new double[n];
        if (a < rowStart.length - 1) {
            double max = 0;
            for (int k = rowStart[a]; k < rowStart[a + 1]; k++) {
                max = Math.max(max, vals[k]);
            }
            for (int k = rowStart[a]; k < rowStart[a + 1]; k++) {
                s[cols[k]] += vals[k] / max;
            }
            double[] seq = new double[n];
            transitions.addRow(a, 1, seq);
            double smax = 0;
            for (double v : seq) {
                smax = Math.max(smax, v);
            }
            if (smax > 0) {
                for (int i = 0; i < n; i++) {
                    s[i] += 0.5 * seq[i] / smax;
                }
            }
        }
        double shrink = params.get("similar_metadata_shrinkage");
        double count = catalog.count(a);
        double alpha = shrink / (shrink + count);
        if (catalog.hasMetadata(a) && alpha > 1e-3) {
            for (int i = 0; i < n; i++) {
                if (i != a) {
                    s[i] += 2 * alpha * catalog.metadataSimilarity(a, i);
                }
            }
        }
        double[] pop = PopularityModel.shares(catalog.counts());
        double maxPop = Arrays.stream(pop).max().orElse(0);
        for (int i = 0; i < n && maxPop > 0; i++) {
            s[i] += 1e-4 * pop[i] / maxPop;
        }
        s[a] = Double.NEGATIVE_INFINITY;
        return s;
    }

    @Override
    public List<Scored> similar(String itemId, int n, Predicate<String> allowed) {
        String[] ids = catalog.ids();
        Predicate<String> ok = allowed == null ? x -> true : allowed;
        int a = catalog.index(itemId);
        double[] s;
        if (a < 0) {
            s = PopularityModel.shares(catalog.counts());
        } else {
            s = scores(a, ids.length);
        }
        double[] fs = s;
        return TopN.toScored(TopN.select(s, n, i -> ok.test(ids[i])), fs, ids);
    }

    /** Items similar to the newest items of the history (newest weighted most), seen items left out. */
    @Override
    public List<Scored> recommend(List<Interaction> history, int n, Predicate<String> allowed) {
        String[] ids = catalog.ids();
        int[] seq = Sequences.history(history, catalog);
        double[] s = historyScores(seq, ids.length);
        boolean[] seen = new boolean[ids.length];
        for (int i : seq) {
            seen[i] = true;
        }
        Predicate<String> ok = allowed == null ? x -> true : allowed;
        return TopN.toScored(TopN.select(s, n, i -> !seen[i] && ok.test(ids[i])), s, ids);
    }

    private double[] historyScores(int[] seq, int n) {
        double[] pop = PopularityModel.shares(catalog.counts());
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = 1e-4 * pop[i];
        }
        int[] recent = Sequences.recentDistinct(seq, 5);
        double w = 1;
        for (int r = 0; r < recent.length; r++, w *= 0.6) {
            double[] one = scores(recent[r], n);
            for (int i = 0; i < n; i++) {
                if (one[i] != Double.NEGATIVE_INFINITY) {
                    s[i] += w * one[i];
                }
            }
        }
        return s;
    }

    @Override
    public List<Scored> rank(List<Interaction> history, List<String> items) {
        int n = catalog.size();
        return PopularityModel.rankBy(catalog, historyScores(Sequences.history(history, catalog), n), items);
    }

    @Override
    public void observe(Interaction event) {
        catalog.observe(event);
    }

    @Override
    public void putItem(ItemMetadata item) {
        catalog.put(item);
    }

    @Override
    public void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(out, 1 << 16));
        Models.writeHeader(d, recipe());
        Io.writeDoubleMap(d, params.asMap());
        Io.writeDoubleMap(d, metrics);
        catalog.write(d);
        Io.writeInts(d, rowStart);
        Io.writeInts(d, cols);
        Io.writeFloats(d, vals);
        transitions.write(d);
        d.flush();
    }

    static SimilarItemsModel read(DataInputStream in) throws IOException {
        Params p = Params.fromMap(Io.readDoubleMap(in));
        Map<String, Double> metrics = Io.readDoubleMap(in);
        Catalog catalog = Catalog.read(in);
        return new SimilarItemsModel(catalog, p, Io.readInts(in), Io.readInts(in), Io.readFloats(in),
                Transitions.read(in), metrics);
    }
}
