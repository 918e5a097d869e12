package io.marquee.personalize.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * user-personalization and personalized-ranking: a blend of recency-weighted EASE, SLIT and
 * item-to-item transitions, each a linear function of the history the caller passes, so events
 * recorded after training change the next answer at once.
 *
 * <p>Choices: {@code recommend} leaves out the items of the given history ({@code exclude_seen=1},
 * as most catalogs want; set it to 0 to let filters decide, as Personalize does). An empty history
 * gets popular items. A share of the answer ({@code exploration_weight}) is kept for fresh items:
 * fewer than {@code exploration_min_interactions} interactions and created within
 * {@code exploration_item_age_cut_off} days of the newest event (PutItems items count as created
 * when they arrive); they are ordered by metadata affinity with the history, then by score.
 */
final class PersonalizationModel implements Model {

    private final Recipe recipe;
    private final Catalog catalog;
    private final Params params;
    private final Components components;
    private final Map<String, Double> metrics;

    PersonalizationModel(Recipe recipe, Catalog catalog, Params params, Components components,
            Map<String, Double> metrics) {
        this.recipe = recipe;
        this.catalog = catalog;
        this.params = params;
        this.components = components;
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    static PersonalizationModel train(Recipe recipe, Dataset dataset, TrainingConfig config) {
        Catalog catalog = Catalog.of(dataset);
        Sequences seqs = Sequences.of(dataset.interactions(), catalog);
        Params params = Params.of(config.hyperParameters());
        Hpo.Result r = null;
        if (config.performHpo()) {
            r = Hpo.search(catalog, seqs, params,
                    config.hyperParameters() == null ? Set.of() : canonicalNames(config.hyperParameters().keySet()));
            params = r.params();
        } else if (params.get("compute_metrics") > 0) {
            r = Hpo.validate(catalog, seqs, params);
        }
        Components c;
        if (r != null && params.get("refit_dense_on_all") == 0) {
            // The dense models fit for validation saw all but each user's newest item: keep them, and
            // refit only the transitions (cheap, and the newest events matter most to them).
            c = r.fit().withTransitions(Transitions.build(seqs, catalog.size(), params.getInt("transition_window"),
                    params.get("transition_decay"), Math.max(50, params.getInt("similar_neighbours"))));
        } else {
            c = Components.fit(catalog.counts(), catalog.size(), seqs, params);
        }
        return new PersonalizationModel(recipe, catalog, params, c, r == null ? Map.of() : r.metrics());
    }

    private static Set<String> canonicalNames(Set<String> names) {
        Set<String> out = new HashSet<>();
        names.forEach(n -> out.add(Params.canonical(n)));
        return out;
    }

    @Override
    public Recipe recipe() {
        return recipe;
    }

    @Override
    public Map<String, Double> metrics() {
        return metrics;
    }

    @Override
    public Map<String, String> hyperParameters() {
        Map<String, String> out = new java.util.TreeMap<>();
        params.asMap().forEach((k, v) -> out.put(k, v == Math.rint(v) ? Long.toString(v.longValue()) : Double.toString(v)));
        return out;
    }

    /** Working arrays per scoring thread, so a request allocates nothing catalog-wide. */
    private static final ThreadLocal<Components.Scratch> SCRATCH = ThreadLocal.withInitial(Components.Scratch::new);

    /** The blended scores of a history over the view's items, in the thread's scratch array. */
    private double[] scores(int[] seq, Catalog.View view, boolean[] excluded, Components.Scratch scratch) {
        int n = view.size();
        components.blendInto(seq, n, params, view.popularity(1e-3), excluded, scratch.scores, scratch);
        return scratch.scores;
    }

    @Override
    public List<Scored> recommend(List<Interaction> history, int n, Predicate<String> allowed) {
        return recommend(history, n, allowed, params.get("exploration_weight"), params.get("exploration_item_age_cut_off"));
    }

    @Override
    public List<Scored> recommend(List<Interaction> history, int n, Predicate<String> allowed, Exploration exploration) {
        return exploration == null ? recommend(history, n, allowed)
                : recommend(history, n, allowed, exploration.weight(), exploration.itemAgeCutOffDays());
    }

    private List<Scored> recommend(List<Interaction> history, int n, Predicate<String> allowed, double explorationWeight,
            double ageCutOffDays) {
        Catalog.View view = catalog.view();
        String[] ids = view.ids;
        int items = ids.length;
        int[] seq = Sequences.history(history, catalog, items);
        Components.Scratch scratch = SCRATCH.get();
        scratch.ensure(items, components.k);
        boolean[] excluded = scratch.excluded;
        try {
            if (params.get("exclude_seen") > 0) {
                for (int i : seq) {
                    excluded[i] = true;
                }
            }
            return recommend(view, seq, n, allowed, explorationWeight, ageCutOffDays, excluded, scratch);
        } finally {
            for (int i : seq) {
                excluded[i] = false;
            }
        }
    }

    private List<Scored> recommend(Catalog.View view, int[] seq, int n, Predicate<String> allowed,
            double explorationWeight, double ageCutOffDays, boolean[] excluded, Components.Scratch scratch) {
        String[] ids = view.ids;
        int items = ids.length;
        double[] s = scores(seq, view, excluded, scratch);
        Predicate<String> ok = allowed == null ? x -> true : allowed;
        // Fresh items are few and the same for every request until the catalog changes: the view keeps them.
        int[] fresh = explorationWeight > 0 ? fresh(view, ageCutOffDays) : new int[0];
        int reserved = 0;
        boolean anyFresh = false;
        for (int j = 0; j < fresh.length && !anyFresh; j++) {
            anyFresh = !excluded[fresh[j]];
        }
        if (anyFresh) {
            reserved = (int) Math.min(n, Math.round(n * Math.min(1, explorationWeight)));
        }
        int[] main = TopN.select(s, items, n, i -> !excluded[i] && ok.test(ids[i]));
        if (reserved == 0) {
            return TopN.toScored(main, s, ids);
        }
        // Keep the best n - reserved, then fresh items ranked by affinity, then the rest of the main list.
        double[] affinity = affinity(view, seq, s, fresh, scratch.affinity(fresh.length));
        int keep = Math.min(main.length, n - reserved);
        // Items already in the answer, as a sorted array: the accept test runs for many fresh items, boxing did not pay.
        int[] kept = Arrays.copyOf(main, keep);
        Arrays.sort(kept);
        int[] explore = TopN.select(affinity, fresh.length, reserved,
                j -> !excluded[fresh[j]] && Arrays.binarySearch(kept, fresh[j]) < 0 && ok.test(ids[fresh[j]]));
        List<Scored> out = new ArrayList<>(n);
        double last = Double.POSITIVE_INFINITY;
        for (int r = 0; r < keep; r++) {
            out.add(new Scored(ids[main[r]], s[main[r]]));
            last = s[main[r]];
        }
        Set<Integer> taken = new HashSet<>();
        for (int j : explore) {
            int i = fresh[j];
            taken.add(i);
            last = Math.min(last, s[i]);
            out.add(new Scored(ids[i], last));
        }
        for (int r = keep; r < main.length && out.size() < n; r++) {
            if (taken.add(main[r])) {
                last = Math.min(last, s[main[r]]);
                out.add(new Scored(ids[main[r]], last));
            }
        }
        return out;
    }

    /** Fresh items of the view, ascending. */
    private int[] fresh(Catalog.View view, double ageCutOffDays) {
        double minCount = params.get("exploration_min_interactions");
        long cutoff = view.newestEventMillis - (long) (ageCutOffDays * 86_400_000L);
        return view.fresh(minCount, cutoff);
    }

    /** Of each fresh item: metadata similarity to the newest history items, then its blended score. */
    private static double[] affinity(Catalog.View view, int[] seq, double[] s, int[] fresh, double[] a) {
        int[] recent = Sequences.recentDistinct(seq, 10);
        for (int j = 0; j < fresh.length; j++) {
            int i = fresh[j];
            double m = 0;
            for (int r : recent) {
                m += view.metadataSimilarity(i, r);
            }
            a[j] = (recent.length == 0 ? 0 : m / recent.length) + 0.5 * Math.tanh(s[i])
                    + 1e-9 * view.created[i] / 1e12;
        }
        return a;
    }

    @Override
    public List<Scored> similar(String itemId, int n, Predicate<String> allowed) {
        // Items related to one item: the item as a one-event history.
        List<Interaction> h = List.of(new Interaction("", itemId, catalog.newestEventMillis(), "", Double.NaN));
        return recommend(h, n, allowed, 0, 1);
    }

    @Override
    public List<Scored> rank(List<Interaction> history, List<String> items) {
        Catalog.View view = catalog.view();
        int[] seq = Sequences.history(history, catalog, view.size());
        Components.Scratch scratch = SCRATCH.get();
        scratch.ensure(view.size(), components.k);
        double[] s = scores(seq, view, null, scratch);
        int n = view.size();
        List<Scored> known = new ArrayList<>();
        List<Scored> unknown = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String id : items) {
            if (!done.add(id)) {
                continue;
            }
            int i = catalog.index(id);
            if (i >= 0 && i < n) {
                known.add(new Scored(id, s[i]));
            } else {
                unknown.add(new Scored(id, 0));
            }
        }
        known.sort((a, b) -> Double.compare(b.score(), a.score()));
        double floor = known.isEmpty() ? 0 : Math.min(0, known.get(known.size() - 1).score());
        List<Scored> out = new ArrayList<>(known);
        for (Scored u : unknown) {
            out.add(new Scored(u.itemId(), floor));
        }
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
    public void write(java.io.OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(out, 1 << 16));
        Models.writeHeader(d, recipe);
        Io.writeDoubleMap(d, params.asMap());
        Io.writeDoubleMap(d, metrics);
        catalog.write(d);
        components.write(d);
        d.flush();
    }

    static PersonalizationModel read(Recipe recipe, DataInputStream in) throws IOException {
        Params params = Params.fromMap(Io.readDoubleMap(in));
        Map<String, Double> metrics = Io.readDoubleMap(in);
        Catalog catalog = Catalog.read(in);
        Components components = Components.read(in);
        return new PersonalizationModel(recipe, catalog, params, components, metrics);
    }
}
