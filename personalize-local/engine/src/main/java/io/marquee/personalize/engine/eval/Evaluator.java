package io.marquee.personalize.engine.eval;

import io.marquee.personalize.engine.Interaction;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a recommender over a protocol's users: full ranking over all items, the user's input
 * items excluded, top 25 kept; metrics as {@link RankingMetrics} names them. Coverage is over
 * the items of the training data.
 */
public final class Evaluator {

    private Evaluator() {
    }

    public static Map<String, Double> evaluate(EvalSplit split, Recommender recommender) {
        Map<String, Integer> index = new HashMap<>();
        for (Interaction i : split.training()) {
            index.putIfAbsent(i.itemId(), index.size());
        }
        RankingMetrics metrics = new RankingMetrics(index.size());
        for (EvalCase c : split.cases()) {
            Set<String> seen = new HashSet<>();
            c.input().forEach(i -> seen.add(i.itemId()));
            List<String> top = recommender.recommend(c.input(), 25, id -> !seen.contains(id));
            int[] ranked = new int[top.size()];
            for (int r = 0; r < ranked.length; r++) {
                // items outside the training data can still be hits; give them fresh indexes
                ranked[r] = index.computeIfAbsent(top.get(r), k -> index.size());
            }
            Set<Integer> truth = new HashSet<>();
            for (String t : c.truth()) {
                truth.add(index.computeIfAbsent(t, k -> index.size()));
            }
            metrics.add(ranked, truth);
        }
        return metrics.toMap();
    }
}
