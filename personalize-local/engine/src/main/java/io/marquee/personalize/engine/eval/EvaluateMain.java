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
 *              [--no-hpo] [--seed N]
 * </pre>
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
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = InteractionsFile.Format.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--protocol" -> protocol = args[++i];
                case "--items" -> itemsFile = Path.of(args[++i]);
                case "--no-hpo" -> hpo = false;
                case "--seed" -> seed = Long.parseLong(args[++i]);
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
            printTable(run(split, items, hpo));
            System.out.println();
        }
        System.out.println("Command: bench/personalize-eval.sh " + String.join(" ", args));
    }

    private static List<Row> run(EvalSplit split, Map<String, ItemMetadata> items, boolean hpo) {
        Dataset data = new Dataset(split.training(), items, Map.of());
        List<Row> rows = new ArrayList<>();
        rows.add(timed("most popular (popularity-count)", () -> Recommender.of(
                Models.train(Recipe.POPULARITY_COUNT, data, TrainingConfig.defaults())), split));
        rows.add(timed("trending-now", () -> Recommender.of(
                Models.train(Recipe.TRENDING_NOW, data, TrainingConfig.defaults())), split));
        rows.add(timed("item-kNN (cosine, k=100)", () -> new ItemKnn(split.training(), 100), split));
        Row ease = null;
        for (double lambda : new double[] {100, 200, 400, 800, 1600}) {
            Map<String, String> hp = Map.of("weight_ease", "1", "weight_slit", "0", "weight_transitions", "0",
                    "ease_recency_weight", "0", "ease_lambda", Double.toString(lambda), "exploration_weight", "0",
                    "compute_metrics", "0");
            Row r = timed("EASE (λ=" + (int) lambda + ", best of 100..1600 on the test users)",
                    () -> Recommender.of(Models.train(Recipe.USER_PERSONALIZATION, data, new TrainingConfig(false, hp))),
                    split);
            if (ease == null || ndcg(r) > ndcg(ease)) {
                ease = r;
            }
        }
        rows.add(ease);
        rows.add(timed("similar-items (from the newest items)", () -> Recommender.of(
                Models.train(Recipe.SIMILAR_ITEMS, data, TrainingConfig.defaults())), split));
        Model[] up = new Model[1];
        rows.add(timed("user-personalization (defaults)", () -> {
            up[0] = Models.train(Recipe.USER_PERSONALIZATION, data, TrainingConfig.defaults());
            return Recommender.of(up[0]);
        }, split));
        rows.add(timed("personalized-ranking (defaults, ranking all unseen items)", () -> (h, n, allowed) -> {
            List<String> candidates = new ArrayList<>();
            for (String id : allItems(split)) {
                if (allowed.test(id)) {
                    candidates.add(id);
                }
            }
            return up[0].rank(h, candidates).stream().limit(n).map(Scored::itemId).toList();
        }, split));
        if (hpo) {
            rows.add(timed("user-personalization (performHPO)", () -> Recommender.of(
                    Models.train(Recipe.USER_PERSONALIZATION, data, new TrainingConfig(true, Map.of()))), split));
        }
        return rows;
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
