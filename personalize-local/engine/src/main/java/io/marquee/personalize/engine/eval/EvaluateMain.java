package io.marquee.personalize.engine.eval;

import io.marquee.personalize.engine.Dataset;
import io.marquee.personalize.engine.Interaction;
import io.marquee.personalize.engine.ItemMetadata;
import io.marquee.personalize.engine.Model;
import io.marquee.personalize.engine.Models;
import io.marquee.personalize.engine.Recipe;
import io.marquee.personalize.engine.Scored;
import io.marquee.personalize.engine.TrainingConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The offline evaluation: every recipe and the baselines (most popular, item-kNN, EASE with its
 * λ searched on the test users themselves, which flatters EASE) under (a) temporal leave-last-one-out
 * and (b) Personalize's 90/10 held-out users. Prints markdown tables and the command line.
 *
 * <pre>
 * EvaluateMain FILE [--format personalize|movielens] [--protocol a|b|both] [--items movies.csv]
 *              [--no-hpo] [--seed N] [--only-up] [--try k=v,k=v]...
 * </pre>
 * {@code --realtime} adds protocol (c), the real-time path (see {@link Protocols#lastTwoOut}).
 * {@code --try} adds a user-personalization row with those hyperparameters (repeatable, for
 * exploring defaults); {@code --only-up} leaves out every row but the EASE references and
 * user-personalization's.
 */
public final class EvaluateMain {

    private record Row(String name, Map<String, Double> metrics, double seconds) {
    }

    private EvaluateMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: EvaluateMain FILE [--format personalize|movielens] [--protocol a|b|both]"
                    + " [--items movies.csv] [--no-hpo] [--seed N]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        InteractionsFile.Format format = null;
        String protocol = "both";
        Path itemsFile = file.resolveSibling("movies.csv");
        boolean hpo = true;
        long seed = 42;
        List<Map<String, String>> tries = new ArrayList<>();
        boolean onlyUp = false;
        boolean realtime = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = InteractionsFile.Format.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--protocol" -> protocol = args[++i];
                case "--items" -> itemsFile = Path.of(args[++i]);
                case "--no-hpo" -> hpo = false;
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--try" -> tries.add(hyperParameters(args[++i]));
                case "--only-up" -> onlyUp = true;
                case "--realtime" -> realtime = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Interaction> all = InteractionsFile.read(file, format);
        Map<String, ItemMetadata> items = InteractionsFile.readMovies(itemsFile);
        Set<String> users = new HashSet<>();
        Set<String> distinctItems = new HashSet<>();
        all.forEach(i -> {
            users.add(i.userId());
            distinctItems.add(i.itemId());
        });
        System.out.printf("%s: %d interactions, %d users, %d items%s%n%n", file, all.size(), users.size(),
                distinctItems.size(), items.isEmpty() ? "" : ", item metadata from " + itemsFile);
        List<EvalSplit> splits = new ArrayList<>();
        if (!protocol.equals("b")) {
            splits.add(Protocols.leaveLastOut(all));
        }
        if (!protocol.equals("a")) {
            splits.add(Protocols.heldOutUsers(all, 0.1, 0.9, seed));
        }
        for (EvalSplit split : splits) {
            System.out.printf("### %s — %d training interactions, %d test users%n%n", split.name(),
                    split.training().size(), split.cases().size());
            printTable(run(split, items, hpo, tries, onlyUp));
            System.out.println();
        }
        if (realtime) {
            printRealTime(Protocols.lastTwoOut(all), items);
        }
        System.out.println("Command: bench/personalize-eval.sh " + String.join(" ", args));
    }

    private static Map<String, String> hyperParameters(String spec) {
        Map<String, String> hp = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("--try wants k=v,k=v, not " + spec);
            }
            hp.put(kv[0].trim(), kv[1].trim());
        }
        return hp;
    }

    private static List<Row> run(EvalSplit split, Map<String, ItemMetadata> items, boolean hpo,
                                 List<Map<String, String>> tries, boolean onlyUp) {
        Dataset data = new Dataset(split.training(), items, Map.of());
        List<Row> rows = new ArrayList<>();
        if (!onlyUp) {
            rows.add(timed("most popular (popularity-count)", () -> Recommender.of(
                    Models.train(Recipe.POPULARITY_COUNT, data, TrainingConfig.defaults())), split));
            rows.add(timed("trending-now", () -> Recommender.of(
                    Models.train(Recipe.TRENDING_NOW, data, TrainingConfig.defaults())), split));
            rows.add(timed("item-kNN (cosine, k=100)", () -> new ItemKnn(split.training(), 100), split));
        }
        Row ease = null;
        double easeLambda = 0;
        for (double lambda : new double[] {100, 200, 400, 800, 1600}) {
            Map<String, String> hp = Map.of("weight_ease", "1", "weight_slit", "0", "weight_transitions", "0",
                    "ease_recency_weight", "0", "ease_lambda", Double.toString(lambda), "exploration_weight", "0",
                    "compute_metrics", "0");
            Row r = timed("EASE (λ=" + (int) lambda + ", best of 100..1600 on the test users)",
                    () -> Recommender.of(Models.train(Recipe.USER_PERSONALIZATION, data, new TrainingConfig(false, hp))),
                    split);
            if (ease == null || ndcg(r) > ndcg(ease)) {
                ease = r;
                easeLambda = lambda;
            }
        }
        rows.add(ease);
        rows.add(recencyEase(split, data, easeLambda));
        if (!onlyUp) {
            rows.add(timed("similar-items (from the newest items)", () -> Recommender.of(
                    Models.train(Recipe.SIMILAR_ITEMS, data, TrainingConfig.defaults())), split));
        }
        Model[] up = new Model[1];
        rows.add(timed("user-personalization (defaults)", () -> {
            up[0] = Models.train(Recipe.USER_PERSONALIZATION, data, TrainingConfig.defaults());
            return Recommender.of(up[0]);
        }, split));
        if (!onlyUp) {
            rows.add(timed("personalized-ranking (defaults, ranking all unseen items)", () -> (h, n, allowed) -> {
                List<String> candidates = new ArrayList<>();
                for (String id : allItems(split)) {
                    if (allowed.test(id)) {
                        candidates.add(id);
                    }
                }
                return up[0].rank(h, candidates).stream().limit(n).map(Scored::itemId).toList();
            }, split));
        }
        for (Map<String, String> hp : tries) {
            rows.add(timed("user-personalization " + hp, () -> Recommender.of(
                    Models.train(Recipe.USER_PERSONALIZATION, data, new TrainingConfig(false, hp))), split));
        }
        if (hpo) {
            rows.add(timed("user-personalization (performHPO)", () -> Recommender.of(
                    Models.train(Recipe.USER_PERSONALIZATION, data, new TrainingConfig(true, Map.of()))), split));
        }
        return rows;
    }

    /**
     * The reference the goal is stated against: EASE at the λ above, scoring a user vector weighted
     * by recency rank ({@code 1 + c·d^rank}, rank 0 the newest item), c and d the best of a small
     * grid on the test users (which flatters it, as with plain EASE's λ).
     */
    private static Row recencyEase(EvalSplit split, Dataset data, double lambda) {
        Row best = null;
        for (double c : new double[] {2, 8, 32}) {
            for (double d : new double[] {0.5, 0.8, 0.95}) {
                Map<String, String> hp = Map.of("weight_ease", "1", "weight_slit", "0", "weight_transitions", "0",
                        "ease_recency_weight", Double.toString(c), "ease_recency_decay", Double.toString(d),
                        "ease_lambda", Double.toString(lambda), "exploration_weight", "0", "compute_metrics", "0");
                Row r = timed(String.format(Locale.ROOT, "recency-weighted EASE (λ=%d, 1+%s·%s^rank, best of a grid "
                        + "on the test users)", (int) lambda, (int) c, d), () -> Recommender.of(
                        Models.train(Recipe.USER_PERSONALIZATION, data, new TrainingConfig(false, hp))), split);
                if (best == null || ndcg(r) > ndcg(best)) {
                    best = r;
                }
            }
        }
        return best;
    }

    /**
     * (c) user-personalization at its defaults, trained without each user's last two events: NDCG@10
     * on the last event from the history without the second-to-last, then again after the
     * second-to-last was observed as PutEvents observes it and added to the history.
     */
    private static void printRealTime(Protocols.RealTimeSplit split, Map<String, ItemMetadata> items) {
        Model model = Models.train(Recipe.USER_PERSONALIZATION, new Dataset(split.training(), items, Map.of()),
                TrainingConfig.defaults());
        List<EvalCase> without = new ArrayList<>();
        List<EvalCase> with = new ArrayList<>();
        for (Protocols.RealTimeCase c : split.cases()) {
            without.add(new EvalCase(c.user(), c.before(), c.truth()));
            List<Interaction> after = new ArrayList<>(c.before());
            after.add(c.sent());
            with.add(new EvalCase(c.user(), after, c.truth()));
        }
        Map<String, Double> before = Evaluator.evaluate(new EvalSplit("before", split.training(), without),
                Recommender.of(model));
        for (Protocols.RealTimeCase c : split.cases()) {
            model.observe(c.sent());
        }
        Map<String, Double> after = Evaluator.evaluate(new EvalSplit("after", split.training(), with),
                Recommender.of(model));
        System.out.printf("### real time — trained without each user's last two events, %d test users%n%n",
                split.cases().size());
        System.out.println("| user-personalization (defaults) | HR@10 | NDCG@10 |");
        System.out.println("|---|---:|---:|");
        System.out.printf(Locale.ROOT, "| without the second-to-last event | %.4f | %.4f |%n",
                before.get("hit_rate_at_10"), before.get("normalized_discounted_cumulative_gain_at_10"));
        System.out.printf(Locale.ROOT, "| after it arrived through PutEvents | %.4f | %.4f |%n%n",
                after.get("hit_rate_at_10"), after.get("normalized_discounted_cumulative_gain_at_10"));
    }

    private static List<String> allItems(EvalSplit split) {
        Set<String> s = new java.util.LinkedHashSet<>();
        split.training().forEach(i -> s.add(i.itemId()));
        return new ArrayList<>(s);
    }

    private static double ndcg(Row r) {
        return r.metrics().get("normalized_discounted_cumulative_gain_at_10");
    }

    private static Row timed(String name, Supplier<Recommender> train, EvalSplit split) {
        long t0 = System.nanoTime();
        Recommender r = train.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> m = Evaluator.evaluate(split, r);
        System.err.printf("  %-60s NDCG@10 %.4f  (train %.1f s)%n", name, m.get("normalized_discounted_cumulative_gain_at_10"),
                seconds);
        return new Row(name, new LinkedHashMap<>(m), seconds);
    }

    private static void printTable(List<Row> rows) {
        double base = rows.stream().filter(r -> r.name().startsWith("EASE")).mapToDouble(EvaluateMain::ndcg)
                .findFirst().orElse(Double.NaN);
        System.out.println("| model | HR@10 | NDCG@10 | precision@10 | MRR@25 | coverage@10 | NDCG@10 vs EASE | train s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            Map<String, Double> m = r.metrics();
            System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %.3f | %+.0f%% | %.1f |%n", r.name(),
                    m.get("hit_rate_at_10"), m.get("normalized_discounted_cumulative_gain_at_10"),
                    m.get("precision_at_10"), m.get("mean_reciprocal_rank_at_25"), m.get("coverage"),
                    100 * (ndcg(r) / base - 1), r.seconds());
        }
    }
}
