package io.marquee.personalize.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Sparse item-to-item transition weights: how often item b followed item a within the next
 * {@code window} events of a user, each occurrence weighted {@code decay^(distance-1)}. Events
 * with the same timestamp (bulk ratings) have no meaningful order, so they count both ways.
 * Each row keeps its {@code maxPerRow} heaviest entries. Immutable once built.
 */
final class Transitions {

    private final int[] rowStart;
    private final int[] cols;
    private final float[] vals;

    private Transitions(int[] rowStart, int[] cols, float[] vals) {
        this.rowStart = rowStart;
        this.cols = cols;
        this.vals = vals;
    }

    static Transitions build(Sequences seqs, int items, int window, double decay, int maxPerRow) {
        int[][] rowCols = new int[items][];
        float[][] rowVals = new float[items][];
        int[] rowLen = new int[items];
        for (int u = 0; u < seqs.size(); u++) {
            int[] s = seqs.items[u];
            long[] t = seqs.times[u];
            for (int i = 0; i < s.length; i++) {
                float w = 1f;
                for (int j = i + 1; j <= i + window && j < s.length; j++) {
                    if (s[j] != s[i]) {
                        append(rowCols, rowVals, rowLen, s[i], s[j], w);
                        if (t[j] == t[i]) {
                            append(rowCols, rowVals, rowLen, s[j], s[i], w);
                        }
                    }
                    w *= (float) decay;
                }
            }
        }
        int[] start = new int[items + 1];
        int[][] keptCols = new int[items][];
        float[][] keptVals = new float[items][];
        for (int a = 0; a < items; a++) {
            int len = rowLen[a];
            if (len == 0) {
                keptCols[a] = new int[0];
                keptVals[a] = new float[0];
                continue;
            }
            // Sum duplicates: sort by column via packed keys.
            long[] packed = new long[len];
            for (int k = 0; k < len; k++) {
                packed[k] = ((long) rowCols[a][k] << 32) | (Float.floatToIntBits(rowVals[a][k]) & 0xffffffffL);
            }
            Arrays.sort(packed);
            int[] c = new int[len];
            float[] v = new float[len];
            int m = 0;
            for (int k = 0; k < len; k++) {
                int col = (int) (packed[k] >>> 32);
                float val = Float.intBitsToFloat((int) packed[k]);
                if (m > 0 && c[m - 1] == col) {
                    v[m - 1] += val;
                } else {
                    c[m] = col;
                    v[m] = val;
                    m++;
                }
            }
            if (m > maxPerRow) {
                Integer[] order = new Integer[m];
                for (int k = 0; k < m; k++) {
                    order[k] = k;
                }
                final float[] vv = v;
                Arrays.sort(order, (x, y) -> Float.compare(vv[y], vv[x]));
                int[] c2 = new int[maxPerRow];
                float[] v2 = new float[maxPerRow];
                for (int k = 0; k < maxPerRow; k++) {
                    c2[k] = c[order[k]];
                    v2[k] = v[order[k]];
                }
                c = c2;
                v = v2;
                m = maxPerRow;
            }
            keptCols[a] = Arrays.copyOf(c, m);
            keptVals[a] = Arrays.copyOf(v, m);
            rowCols[a] = null;
            rowVals[a] = null;
        }
        for (int a = 0; a < items; a++) {
            start[a + 1] = start[a] + keptCols[a].length;
        }
        int[] cols = new int[start[items]];
        float[] vals = new float[start[items]];
        for (int a = 0; a < items; a++) {
            System.arraycopy(keptCols[a], 0, cols, start[a], keptCols[a].length);
            System.arraycopy(keptVals[a], 0, vals, start[a], keptVals[a].length);
        }
        return new Transitions(start, cols, vals);
    }

    private static void append(int[][] rowCols, float[][] rowVals, int[] rowLen, int a, int b, float w) {
        int len = rowLen[a];
        if (rowCols[a] == null) {
            rowCols[a] = new int[8];
            rowVals[a] = new float[8];
        } else if (len == rowCols[a].length) {
            rowCols[a] = Arrays.copyOf(rowCols[a], len * 2);
            rowVals[a] = Arrays.copyOf(rowVals[a], len * 2);
        }
        rowCols[a][len] = b;
        rowVals[a][len] = w;
        rowLen[a] = len + 1;
    }

    int rows() {
        return rowStart.length - 1;
    }

    /** scores[b] += weight * T[a][b]; no-op for items added after training. */
    void addRow(int a, double weight, double[] scores) {
        if (a >= rows()) {
            return;
        }
        for (int k = rowStart[a]; k < rowStart[a + 1]; k++) {
            scores[cols[k]] += weight * vals[k];
        }
    }

    /** The largest {@code scores[b]} over row a's columns b below n that are not excluded (0 if none is larger). */
    double rowMax(int a, double[] scores, boolean[] excluded, int n) {
        double max = 0;
        if (a >= rows()) {
            return max;
        }
        for (int k = rowStart[a]; k < rowStart[a + 1]; k++) {
            int b = cols[k];
            if (b < n && (excluded == null || !excluded[b]) && scores[b] > max) {
                max = scores[b];
            }
        }
        return max;
    }

    /**
     * {@code out[b] += f * scores[b]} for row a's columns b below n, each once, leaving {@code scores}
     * zero there: after {@link #addRow} for several rows, draining each of them visits every touched
     * column and resets the scratch array.
     */
    void drain(int a, double[] scores, double f, double[] out, int n) {
        if (a >= rows()) {
            return;
        }
        for (int k = rowStart[a]; k < rowStart[a + 1]; k++) {
            int b = cols[k];
            double v = scores[b];
            if (v != 0) {
                if (b < n && f != 0) {
                    out[b] += f * v;
                }
                scores[b] = 0;
            }
        }
    }

    /** Sum of a row's weights (how often anything followed a). */
    double rowSum(int a) {
        if (a >= rows()) {
            return 0;
        }
        double s = 0;
        for (int k = rowStart[a]; k < rowStart[a + 1]; k++) {
            s += vals[k];
        }
        return s;
    }

    void write(DataOutputStream out) throws IOException {
        Io.writeInts(out, rowStart);
        Io.writeInts(out, cols);
        Io.writeFloats(out, vals);
    }

    static Transitions read(DataInputStream in) throws IOException {
        return new Transitions(Io.readInts(in), Io.readInts(in), Io.readFloats(in));
    }
}
