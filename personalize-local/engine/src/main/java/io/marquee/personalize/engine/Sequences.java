package io.marquee.personalize.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every user's interactions as item indexes, oldest first. Events with the same timestamp keep
 * the order they had in the dataset; an event repeating the item right before it (a view
 * then a rating of the same title) is dropped, since it says nothing new about what comes next.
 */
final class Sequences {

    final String[] users;
    final int[][] items;
    final long[][] times;

    Sequences(String[] users, int[][] items, long[][] times) {
        this.users = users;
        this.items = items;
        this.times = times;
    }

    static Sequences of(List<Interaction> interactions, Catalog catalog) {
        Map<String, List<Interaction>> byUser = new HashMap<>();
        for (Interaction e : interactions) {
            byUser.computeIfAbsent(e.userId(), k -> new ArrayList<>()).add(e);
        }
        String[] users = byUser.keySet().toArray(new String[0]);
        Arrays.sort(users);
        int[][] items = new int[users.length][];
        long[][] times = new long[users.length][];
        for (int u = 0; u < users.length; u++) {
            List<Interaction> events = byUser.get(users[u]);
            events.sort((a, b) -> Long.compare(a.timestampMillis(), b.timestampMillis()));
            int[] seq = new int[events.size()];
            long[] ts = new long[events.size()];
            int m = 0;
            for (Interaction e : events) {
                int i = catalog.index(e.itemId());
                if (i < 0 || (m > 0 && seq[m - 1] == i)) {
                    continue;
                }
                seq[m] = i;
                ts[m] = e.timestampMillis();
                m++;
            }
            items[u] = Arrays.copyOf(seq, m);
            times[u] = Arrays.copyOf(ts, m);
        }
        return new Sequences(users, items, times);
    }

    /** Converts a caller's history (oldest first) the same way; unknown items are skipped. */
    static int[] history(List<Interaction> history, Catalog catalog) {
        return history(history, catalog, Integer.MAX_VALUE);
    }

    /** As {@link #history(List, Catalog)}, skipping items with an index of {@code limit} or more (newer than a view). */
    static int[] history(List<Interaction> history, Catalog catalog, int limit) {
        int[] seq = new int[history.size()];
        int m = 0;
        for (Interaction e : history) {
            int i = e.itemId() == null ? -1 : catalog.index(e.itemId());
            if (i < 0 || i >= limit || (m > 0 && seq[m - 1] == i)) {
                continue;
            }
            seq[m++] = i;
        }
        return Arrays.copyOf(seq, m);
    }

    /** Distinct items newest first (by their last occurrence). */
    static int[] recentDistinct(int[] seq, int limit) {
        int[] out = new int[Math.min(limit, seq.length)];
        java.util.HashSet<Integer> seen = new java.util.HashSet<>();
        int m = 0;
        for (int k = seq.length - 1; k >= 0 && m < out.length; k--) {
            if (seen.add(seq[k])) {
                out[m++] = seq[k];
            }
        }
        return Arrays.copyOf(out, m);
    }

    int size() {
        return users.length;
    }
}
