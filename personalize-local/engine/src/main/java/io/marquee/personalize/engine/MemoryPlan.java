package io.marquee.personalize.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a training needs of the heap at its peak, and the largest configuration that fits in what
 * is free. The dense models dominate: EASE holds its Gram matrix, a Cholesky factor and the
 * inverse as doubles and its weights as floats (about 28·k² bytes for k dense items), SLIT its two
 * moment matrices, factor and solution (about 36·ks²), the search of {@code performHPO} a second
 * copy of each while it compares settings (and two finished sets beside the fits of its
 * confirmation). Sparse parts (histories, transitions, similar-items neighbours, scoring buffers
 * of the validation) grow with interactions and items. The figures
 * are upper bounds on what {@link LinearModels} allocates, so a plan that fits does not run the
 * heap out; they were checked against the heap a training actually used (see the server's test
 * with a small heap).
 */
public final class MemoryPlan {

    /** Below this many dense items the dense models stop being worth their cost: fail instead. */
    static final int MIN_DENSE_ITEMS = 250;
    /** With fewer dense items than this, the search of performHPO is given up before shrinking further. */
    static final int MIN_DENSE_ITEMS_WITH_HPO = 1000;

    /** The configuration to train with, its estimated peak, and what was changed to fit (null: nothing). */
    public record Plan(TrainingConfig config, long bytes, String change) {
    }

    /** The training cannot fit even at its smallest; the message says what it needs. */
    public static final class DoesNotFit extends Exception {
        public DoesNotFit(String message) {
            super(message, null, false, false);
        }
    }

    /** The size of what a solution version trains on. */
    public record Size(int items, int interactions, int users) {

        public static Size of(Dataset dataset) {
            java.util.Set<String> items = new java.util.HashSet<>(dataset.items().keySet());
            java.util.Set<String> users = new java.util.HashSet<>();
            for (Interaction i : dataset.interactions()) {
                if (i.itemId() != null) {
                    items.add(i.itemId());
                }
                users.add(i.userId());
            }
            return new Size(items.size(), dataset.interactions().size(), users.size());
        }
    }

    private MemoryPlan() {
    }

    /** Peak heap of training {@code recipe} on data of this size with this configuration, in bytes. */
    public static long estimate(Recipe recipe, Size size, TrainingConfig config) {
        Params p = Params.of(config.hyperParameters());
        long items = size.items();
        long interactions = size.interactions();
        // Histories as the engine copies them (ids, times, per-user arrays) plus the catalog.
        long data = interactions * 40 + size.users() * 64L + items * 160;
        return switch (recipe) {
            case USER_PERSONALIZATION, PERSONALIZED_RANKING -> data + personalization(size, p, config.performHpo());
            case SIMILAR_ITEMS -> data + interactions * 24 + items * (long) p.getInt("similar_neighbours") * 16
                    + items * 48;
            case POPULARITY_COUNT, TRENDING_NOW -> data + items * 64;
        };
    }

    private static long personalization(Size size, Params p, boolean hpo) {
        long k = Math.min(size.items(), p.getInt("max_dense_items"));
        long ks = Math.min(k, p.getInt("max_slit_items"));
        long k2 = k * k;
        long ks2 = ks * ks;
        boolean validate = hpo || p.get("compute_metrics") > 0;
        long ease = p.get("weight_ease") > 0 || hpo ? 28 * k2 : 0;
        long slit = p.get("weight_slit") > 0 || hpo ? 36 * ks2 : 0;
        // Peak of one fit: EASE, or SLIT beside EASE's finished weights.
        long fit = Math.max(ease, (ease > 0 ? 4 * k2 : 0) + slit);
        if (hpo) {
            // The search keeps the Gram matrix (or the moments) and its best weights while it tries
            // another, then the three component scores of every validation user while it blends.
            fit = Math.max(Math.max(40 * k2, 4 * k2 + 48 * ks2) + 4 * ks2,
                    4 * k2 + 4 * ks2 + (long) Hpo.SAMPLE_USERS * 3 * 8 * size.items());
            // Its confirmation on a second split fits the models twice more, one at a time, while the
            // chosen ones and the starting ones live on.
            fit = Math.max(fit, 8 * k2 + 8 * ks2 + Math.max(28 * k2, 4 * k2 + 36 * ks2));
        }
        if (validate && p.get("refit_dense_on_all") > 0) {
            fit += 4 * k2 + 4 * ks2; // the validation models live on while the final ones are fit
        }
        long transitions = (long) size.interactions() * p.getInt("transition_window") * 24
                + (long) size.items() * Math.max(50, p.getInt("similar_neighbours")) * 8;
        // Validation scores every item for each sampled user: a few catalog-wide arrays at a time.
        long scoring = validate ? (long) size.items() * 8 * 8 : 0;
        return fit + transitions + scoring;
    }

    /**
     * The configuration to train with in {@code available} bytes: the one asked for if it fits,
     * else the same with fewer dense items (the most active are kept), then without the search
     * of performHPO; {@link DoesNotFit} when even the smallest does not fit.
     */
    public static Plan fit(Recipe recipe, Size size, TrainingConfig config, long available) throws DoesNotFit {
        long asked = estimate(recipe, size, config);
        if (asked <= available) {
            return new Plan(config, asked, null);
        }
        boolean dense = recipe == Recipe.USER_PERSONALIZATION || recipe == Recipe.PERSONALIZED_RANKING;
        if (dense) {
            Params p = Params.of(config.hyperParameters());
            int k = Math.min(size.items(), p.getInt("max_dense_items"));
            List<Boolean> searches = config.performHpo() ? List.of(true, false) : List.of(false);
            for (boolean hpo : searches) {
                int floor = hpo ? MIN_DENSE_ITEMS_WITH_HPO : MIN_DENSE_ITEMS;
                for (int d = k; d >= floor; d = (int) (d * 0.85)) {
                    TrainingConfig smaller = withDense(config, hpo, d, p.getInt("max_slit_items"));
                    long need = estimate(recipe, size, smaller);
                    if (need <= available) {
                        List<String> changes = new ArrayList<>();
                        if (d < k) {
                            changes.add("max_dense_items " + k + " → " + d);
                        }
                        if (config.performHpo() && !hpo) {
                            changes.add("performHPO off");
                        }
                        return new Plan(smaller, need, String.format(Locale.ROOT,
                                "Trained smaller to fit in memory (%s): the configuration asked for needs about "
                                        + "%d MB of heap, %d MB were free beside the models being served.",
                                String.join(", ", changes), mb(asked), mb(available)));
                    }
                }
            }
        }
        long smallest = dense ? estimate(recipe, size, withDense(config, false, Math.min(size.items(),
                MIN_DENSE_ITEMS), MIN_DENSE_ITEMS)) : asked;
        throw new DoesNotFit(String.format(Locale.ROOT, "Not enough memory to train: %d items and %d interactions "
                + "need at least %d MB of heap (%d MB as configured), %d MB are free beside the models being "
                + "served. Give personalize-local more heap (-Xmx), delete unused solution versions or campaigns, "
                + "or train on fewer items.", size.items(), size.interactions(), mb(smallest), mb(asked),
                mb(available)));
    }

    private static TrainingConfig withDense(TrainingConfig config, boolean hpo, int dense, int maxSlit) {
        Map<String, String> hyper = new LinkedHashMap<>();
        if (config.hyperParameters() != null) {
            config.hyperParameters().forEach((name, v) -> hyper.put(Params.canonical(name), v));
        }
        hyper.put("max_dense_items", Integer.toString(dense));
        hyper.put("max_slit_items", Integer.toString(Math.min(dense, maxSlit)));
        return new TrainingConfig(hpo, hyper);
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
