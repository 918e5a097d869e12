package io.marquee.personalize.engine.eval;

import io.marquee.personalize.engine.Interaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The classic item-kNN baseline: cosine similarity of items' user sets, each item keeping its
 * {@code k} nearest neighbours; a user's score for j is the sum of sim(i, j) over the items i
 * of the history. Order and recency are ignored.
 */
public final class ItemKnn implements Recommender {

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final int[][] neighbours;
    private final float[][] sims;

    public ItemKnn(List<Interaction> training, int k) {
        Map<String, Set<Integer>> userItems = new HashMap<>();
        for (Interaction e : training) {
            Integer i = index.get(e.itemId());
            if (i == null) {
                i = ids.size();
                index.put(e.itemId(), i);
                ids.add(e.itemId());
            }
            userItems.computeIfAbsent(e.userId(), u -> new LinkedHashSet<>()).add(i);
        }
        int n = ids.size();
        int[] df = new int[n];
        List<int[]> users = new ArrayList<>();
        for (Set<Integer> s : userItems.values()) {
            int[] a = s.stream().mapToInt(Integer::intValue).toArray();
            users.add(a);
            for (int i : a) {
                df[i]++;
            }
        }
        List<List<Integer>> itemUsers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            itemUsers.add(new ArrayList<>());
        }
        for (int u = 0; u < users.size(); u++) {
            for (int i : users.get(u)) {
                itemUsers.get(i).add(u);
            }
        }
        neighbours = new int[n][];
        sims = new float[n][];
        double[] acc = new double[n];
        for (int a = 0; a < n; a++) {
            Set<Integer> touched = new HashSet<>();
            for (int u : itemUsers.get(a)) {
                for (int b : users.get(u)) {
                    if (b != a) {
                        acc[b] += 1;
                        touched.add(b);
                    }
                }
            }
            Integer[] t = touched.toArray(new Integer[0]);
            double[] sim = new double[n];
            for (int b : t) {
                sim[b] = acc[b] / Math.sqrt((double) df[a] * df[b]);
                acc[b] = 0;
            }
            Arrays.sort(t, (x, y) -> Double.compare(sim[y], sim[x]));
            int m = Math.min(k, t.length);
            neighbours[a] = new int[m];
            sims[a] = new float[m];
            for (int q = 0; q < m; q++) {
                neighbours[a][q] = t[q];
                sims[a][q] = (float) sim[t[q]];
            }
        }
    }

    @Override
    public List<String> recommend(List<Interaction> history, int n, Predicate<String> allowed) {
        double[] s = new double[ids.size()];
        Set<Integer> seen = new HashSet<>();
        for (Interaction e : history) {
            Integer i = index.get(e.itemId());
            if (i != null && seen.add(i)) {
                for (int q = 0; q < neighbours[i].length; q++) {
                    s[neighbours[i][q]] += sims[i][q];
                }
            }
        }
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < s.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> s[x] != s[y] ? Double.compare(s[y], s[x]) : Integer.compare(x, y));
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < order.length && out.size() < n; i++) {
            if (allowed.test(ids.get(order[i]))) {
                out.add(ids.get(order[i]));
            }
        }
        return out;
    }
}
