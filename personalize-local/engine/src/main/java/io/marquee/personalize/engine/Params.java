package io.marquee.personalize.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hyperparameters of every recipe, by the names {@link TrainingConfig#hyperParameters()} uses.
 * Unknown names are ignored; a value that does not parse is an {@link IllegalArgumentException}.
 * Defaults were chosen on two datasets at once, MovieLens 100K and the demo data, under temporal
 * leave-last-one-out (docs/adr/0018): a setting was taken only if it helped on both or cost the
 * other within noise. {@code performHpo} searches the most important ones, starting from these.
 */
final class Params {

    /** Defaults, name to value; the names are the hyperparameters a solution accepts. */
    static final Map<String, Double> DEFAULTS;

    static {
        Map<String, Double> d = new LinkedHashMap<>();
        // EASE (Steck 2019) on a recency-weighted user vector: weight 1 + c * decay^rank (rank 0 = newest).
        d.put("ease_lambda", 200.0);
        d.put("ease_recency_weight", 8.0);
        d.put("ease_recency_decay", 0.8);
        // Item-to-item transitions: b counted after a when it follows within `transition_window` events.
        d.put("transition_window", 3.0);
        d.put("transition_decay", 0.7);
        d.put("transition_history", 6.0);
        d.put("transition_history_decay", 0.6);
        // SLIT: a decayed window of the previous items predicts a decayed window of the next ones.
        d.put("slit_lambda", 100.0);
        d.put("slit_window", 4.0);
        d.put("slit_decay", 0.5);
        // Blend of the three, each scaled by its maximum.
        d.put("weight_ease", 1.0);
        d.put("weight_transitions", 0.25);
        d.put("weight_slit", 1.0);
        // Dense models cover at most this many of the most active items (memory ~ 8 * n^2 bytes each).
        d.put("max_dense_items", 5000.0);
        // SLIT covers the most active of those only (its solve costs ~2.5x EASE's inverse).
        d.put("max_slit_items", 3000.0);
        // Exploration: share of the answer reserved for fresh items (Personalize's explorationWeight),
        // fresh meaning created within explorationItemAgeCutOff days or with few interactions.
        d.put("exploration_weight", 0.1);
        d.put("exploration_item_age_cut_off", 30.0);
        d.put("exploration_min_interactions", 3.0);
        // 1: recommend never returns an item of the history it was given (documented choice).
        d.put("exclude_seen", 1.0);
        // 1: hold out each user's newest item and report validation metrics (one extra fit); 0: skip.
        d.put("compute_metrics", 1.0);
        // 0: the dense models fit on the validation split serve (half the training time); 1: refit on all data.
        d.put("refit_dense_on_all", 0.0);
        // Similar items: how many interactions make co-occurrence trusted over metadata.
        d.put("similar_metadata_shrinkage", 10.0);
        d.put("similar_neighbours", 200.0);
        // Trending: the window, in seconds, compared with the one before it.
        d.put("trend_window_seconds", 7 * 86400.0);
        DEFAULTS = Map.copyOf(d);
    }

    private final Map<String, Double> values;

    private Params(Map<String, Double> values) {
        this.values = values;
    }

    static Params defaults() {
        return new Params(new TreeMap<>(DEFAULTS));
    }

    /** Defaults overridden by the given hyperparameters (names as above, or Personalize's camelCase). */
    static Params of(Map<String, String> hyperParameters) {
        Params p = defaults();
        if (hyperParameters != null) {
            hyperParameters.forEach((k, v) -> {
                String name = canonical(k);
                if (DEFAULTS.containsKey(name)) {
                    try {
                        p.values.put(name, Double.parseDouble(v.trim()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("hyperparameter " + k + " is not a number: " + v);
                    }
                }
            });
        }
        return p;
    }

    /** {@code explorationWeight} becomes {@code exploration_weight}. */
    static String canonical(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.trim().toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c == '-' || c == '.' ? '_' : c);
            }
        }
        return b.toString();
    }

    double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown hyperparameter " + name);
        }
        return v;
    }

    int getInt(String name) {
        return (int) Math.round(get(name));
    }

    Params with(String name, double value) {
        Params p = new Params(new TreeMap<>(values));
        p.values.put(name, value);
        return p;
    }

    Map<String, Double> asMap() {
        return new TreeMap<>(values);
    }

    static Params fromMap(Map<String, Double> map) {
        Params p = defaults();
        p.values.putAll(map);
        return p;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
