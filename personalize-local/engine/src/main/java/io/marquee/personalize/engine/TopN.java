package io.marquee.personalize.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/** Selecting the best {@code n} of a score array without sorting all of it. */
final class TopN {

    private TopN() {
    }

    /**
     * Indexes of the {@code n} highest scores, best first, among indexes {@code accept} takes.
     * Ties go to the lower index. {@code accept} is asked only about items that would make the cut.
     */
    static int[] select(double[] scores, int n, IntPredicate accept) {
        return select(scores, scores.length, n, accept);
    }

    /** As {@link #select(double[], int, IntPredicate)} over {@code scores[0..length)} (a reused, longer array). */
    static int[] select(double[] scores, int length, int n, IntPredicate accept) {
        if (n <= 0) {
            return new int[0];
        }
        // min-heap on (score, -index): the root is the worst kept
        int[] heap = new int[n];
        int size = 0;
        // Once the heap is full, an item must beat its root: the root's score is kept in a local so
        // the pass over a whole catalog is one comparison per item (ties go to the lower index, and
        // every later index is higher than the root's, so a tie never gets in).
        double bar = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            double s = scores[i];
            if (!(s > bar) && (size == n || s != s || s == Double.NEGATIVE_INFINITY)) {
                continue;
            }
            if (!accept.test(i)) {
                continue;
            }
            if (size < n) {
                heap[size] = i;
                siftUp(scores, heap, size++);
            } else {
                heap[0] = i;
                siftDown(scores, heap, size);
            }
            if (size == n) {
                bar = scores[heap[0]];
            }
        }
        int[] out = Arrays.copyOf(heap, size);
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = out[i];
        }
        Arrays.sort(boxed, (a, b) -> better(scores, a, b) ? -1 : better(scores, b, a) ? 1 : 0);
        for (int i = 0; i < size; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /** a ranks before b. */
    private static boolean better(double[] s, int a, int b) {
        return s[a] > s[b] || (s[a] == s[b] && a < b);
    }

    private static void siftUp(double[] s, int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (better(s, heap[parent], heap[i])) {
                int t = heap[parent];
                heap[parent] = heap[i];
                heap[i] = t;
                i = parent;
            } else {
                return;
            }
        }
    }

    private static void siftDown(double[] s, int[] heap, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int worst = i;
            if (l < size && better(s, heap[worst], heap[l])) {
                worst = l;
            }
            if (r < size && better(s, heap[worst], heap[r])) {
                worst = r;
            }
            if (worst == i) {
                return;
            }
            int t = heap[worst];
            heap[worst] = heap[i];
            heap[i] = t;
            i = worst;
        }
    }

    static List<Scored> toScored(int[] idx, double[] scores, String[] ids) {
        List<Scored> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(new Scored(ids[i], scores[i]));
        }
        return out;
    }
}
