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
 * trending-now: items whose interactions rise fastest. With W = {@code trend_window_seconds} and
 * T the newest event time seen (training or observed), an item's score is its interactions in
 * (T−W, T] minus those in (T−2W, T−W], plus a small share of the recent count to break ties.
 * Events are kept per item only as far back as the two windows need. The history is ignored.
 */
final class TrendingModel implements Model {

    private final Catalog catalog;
    private final long windowMillis;
    private final Map<String, Double> metrics;
    private long[][] times = new long[0][];
    private int[] sizes = new int[0];
    private long newest = Long.MIN_VALUE;

    TrendingModel(Catalog catalog, long windowMillis, Map<String, Double> metrics) {
        this.catalog = catalog;
        this.windowMillis = Math.max(1, windowMillis);
        this.metrics = metrics;
    }

    static TrendingModel train(Dataset dataset, TrainingConfig config) {
        Catalog catalog = Catalog.of(dataset);
        Params p = Params.of(config.hyperParameters());
        TrendingModel m = new TrendingModel(catalog, (long) (p.get("trend_window_seconds") * 1000), Map.of());
        long newest = Long.MIN_VALUE;
        for (Interaction e : dataset.interactions()) {
            newest = Math.max(newest, e.timestampMillis());
        }
        for (Interaction e : dataset.interactions()) {
            if (e.timestampMillis() > newest - 2 * m.windowMillis) {
                m.record(catalog.index(e.itemId()), e.timestampMillis());
            }
        }
        return m;
    }

    private synchronized void record(int item, long t) {
        if (item >= times.length) {
            int cap = Math.max(item + 1, times.length * 2);
            times = Arrays.copyOf(times, cap);
            sizes = Arrays.copyOf(sizes, cap);
        }
        if (times[item] == null) {
            times[item] = new long[4];
        } else if (sizes[item] == times[item].length) {
            times[item] = Arrays.copyOf(times[item], sizes[item] * 2);
        }
        times[item][sizes[item]++] = t;
        newest = Math.max(newest, t);
    }

    /** Scores for items 0..n-1 at the newest time seen; drops events older than two windows. */
    synchronized double[] scores(int n) {
        double[] s = new double[n];
        if (newest == Long.MIN_VALUE) {
            return s;
        }
        long cutCurrent = newest - windowMillis;
        long cutPrevious = newest - 2 * windowMillis;
        for (int i = 0; i < Math.min(n, times.length); i++) {
            if (times[i] == null) {
                continue;
            }
            int cur = 0;
            int prev = 0;
            int kept = 0;
            for (int q = 0; q < sizes[i]; q++) {
                long t = times[i][q];
                if (t > cutPrevious) {
                    times[i][kept++] = t;
                    if (t > cutCurrent) {
                        cur++;
                    } else {
                        prev++;
                    }
                }
            }
            sizes[i] = kept;
            s[i] = (cur - prev) + 1e-3 * cur;
        }
        return s;
    }

    @Override
    public Recipe recipe() {
        return Recipe.TRENDING_NOW;
    }

    @Override
    public Map<String, Double> metrics() {
        return metrics;
    }

    @Override
    public List<Scored> recommend(List<Interaction> history, int n, Predicate<String> allowed) {
        String[] ids = catalog.ids();
        double[] s = scores(ids.length);
        double[] pop = PopularityModel.shares(catalog.counts());
        for (int i = 0; i < s.length; i++) {
            s[i] += 1e-6 * pop[i]; // quiet items: most popular first
        }
        Predicate<String> ok = allowed == null ? x -> true : allowed;
        return TopN.toScored(TopN.select(s, n, i -> ok.test(ids[i])), s, ids);
    }

    @Override
    public List<Scored> similar(String itemId, int n, Predicate<String> allowed) {
        Predicate<String> ok = allowed == null ? x -> true : allowed;
        return recommend(List.of(), n, ok.and(id -> !id.equals(itemId)));
    }

    @Override
    public List<Scored> rank(List<Interaction> history, List<String> items) {
        return PopularityModel.rankBy(catalog, scores(catalog.size()), items);
    }

    @Override
    public void observe(Interaction event) {
        if (event.itemId() == null || event.itemId().isEmpty()) {
            return;
        }
        catalog.observe(event);
        record(catalog.index(event.itemId()), event.timestampMillis());
    }

    @Override
    public void putItem(ItemMetadata item) {
        catalog.put(item);
    }

    @Override
    public synchronized void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(out));
        Models.writeHeader(d, recipe());
        Io.writeDoubleMap(d, metrics);
        d.writeLong(windowMillis);
        catalog.write(d);
        int n = 0;
        for (int i = 0; i < times.length; i++) {
            n += sizes[i];
        }
        d.writeInt(n);
        for (int i = 0; i < times.length; i++) {
            for (int q = 0; q < sizes[i]; q++) {
                d.writeInt(i);
                d.writeLong(times[i][q]);
            }
        }
        d.flush();
    }

    static TrendingModel read(DataInputStream in) throws IOException {
        Map<String, Double> metrics = Io.readDoubleMap(in);
        long window = in.readLong();
        TrendingModel m = new TrendingModel(Catalog.read(in), window, metrics);
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
            m.record(in.readInt(), in.readLong());
        }
        return m;
    }
}
