package io.marquee.personalize.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * popularity-count: items by how many interactions they have, training data plus every event
 * observed since. The same answer for everyone; the history is ignored (filters exclude what a
 * user has seen, as in Personalize). Scores are each item's share of all interactions.
 */
final class PopularityModel implements Model {

    private final Catalog catalog;
    private final Map<String, Double> metrics;

    PopularityModel(Catalog catalog, Map<String, Double> metrics) {
        this.catalog = catalog;
        this.metrics = metrics;
    }

    static PopularityModel train(Dataset dataset) {
        Catalog catalog = Catalog.of(dataset);
        return new PopularityModel(catalog, validate(catalog, Sequences.of(dataset.interactions(), catalog)));
    }

    /** Held-out newest item per user, ranked by the training split's counts. */
    private static Map<String, Double> validate(Catalog catalog, Sequences seqs) {
        int items = catalog.trainedItems();
        Hpo.Split split = Hpo.split(seqs, items, Hpo.SAMPLE_USERS, 42);
        return Hpo.evaluate(split, items, u -> new double[][] {}, new double[0]).toMap();
    }

    static double[] shares(double[] counts) {
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        double[] s = counts.clone();
        if (total > 0) {
            for (int i = 0; i < s.length; i++) {
                s[i] /= total;
            }
        }
        return s;
    }

    @Override
    public Recipe recipe() {
        return Recipe.POPULARITY_COUNT;
    }

    @Override
    public Map<String, Double> metrics() {
        return metrics;
    }

    @Override
    public List<Scored> recommend(List<Interaction> history, int n, Predicate<String> allowed) {
        String[] ids = catalog.ids();
        double[] s = shares(catalog.counts());
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
        return rankBy(catalog, shares(catalog.counts()), items);
    }

    static List<Scored> rankBy(Catalog catalog, double[] s, List<String> items) {
        List<Scored> out = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (String id : items) {
            if (done.add(id)) {
                int i = catalog.index(id);
                out.add(new Scored(id, i >= 0 && i < s.length ? s[i] : 0));
            }
        }
        out.sort(Comparator.comparingDouble(Scored::score).reversed());
        return out;
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
        DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(out));
        Models.writeHeader(d, recipe());
        Io.writeDoubleMap(d, metrics);
        catalog.write(d);
        d.flush();
    }

    static PopularityModel read(DataInputStream in) throws IOException {
        Map<String, Double> metrics = Io.readDoubleMap(in);
        return new PopularityModel(Catalog.read(in), metrics);
    }
}
