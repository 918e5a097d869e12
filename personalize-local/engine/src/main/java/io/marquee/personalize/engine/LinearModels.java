package io.marquee.personalize.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_MT_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.Arrays;

/**
 * The dense item-item models over the {@code k} most active items: EASE (Steck 2019) and SLIT
 * (a shifted-target linear model: a decayed window of previous items predicts a decayed window
 * of the next ones). Both are closed forms around one symmetric positive definite solve,
 * done with EJML's blocked, multi-threaded Cholesky.
 */
final class LinearModels {

    private LinearModels() {
    }

    /** Dense positions: {@code dense[item]} is the row of an item in the dense models, or -1. */
    static int[] denseIndex(double[] counts, int items, int maxDense) {
        Integer[] order = new Integer[items];
        for (int i = 0; i < items; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(counts[b], counts[a]));
        int[] dense = new int[items];
        Arrays.fill(dense, -1);
        int k = 0;
        for (int r = 0; r < items && k < maxDense; r++) {
            if (counts[order[r]] > 0) {
                dense[order[r]] = k++;
            }
        }
        return dense;
    }

    static int denseSize(int[] dense) {
        int k = 0;
        for (int d : dense) {
            k = Math.max(k, d + 1);
        }
        return k;
    }

    /** The Gram matrix XᵀX of the binary user-item matrix restricted to dense items (full, symmetric). */
    static double[] gram(Sequences seqs, int[] dense, int k) {
        double[] g = new double[k * k];
        boolean[] mark = new boolean[k];
        int[] buf = new int[k];
        for (int u = 0; u < seqs.size(); u++) {
            int m = 0;
            for (int item : seqs.items[u]) {
                int d = item < dense.length ? dense[item] : -1;
                if (d >= 0 && !mark[d]) {
                    mark[d] = true;
                    buf[m++] = d;
                }
            }
            for (int x = 0; x < m; x++) {
                int row = buf[x] * k;
                for (int y = 0; y < m; y++) {
                    g[row + buf[y]] += 1;
                }
            }
            for (int x = 0; x < m; x++) {
                mark[buf[x]] = false;
            }
        }
        return g;
    }

    /** EASE weights: B = I − P·diag(1/diag(P)), P = (G + λI)⁻¹, zero diagonal; {@code consume} reuses the Gram matrix. */
    static float[] ease(double[] gram, int k, double lambda, boolean consume) {
        if (k == 0) {
            return new float[0];
        }
        double[] a = consume ? gram : gram.clone();
        for (int i = 0; i < k; i++) {
            a[i * k + i] += lambda;
        }
        double[] p = invertSpd(a, k);
        float[] b = new float[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                b[i * k + j] = i == j ? 0f : (float) (-p[i * k + j] / p[j * k + j]);
            }
        }
        return b;
    }

    /**
     * ZᵀZ and ZᵀY of SLIT over the first {@code k} dense items (the most active), accumulated
     * sparsely from every position of every sequence.
     */
    static double[][] slitMoments(Sequences seqs, int[] dense, int k, int window, double decay) {
        double[] zz = new double[k * k];
        double[] zy = new double[k * k];
        int[] zi = new int[window];
        double[] zw = new double[window];
        int[] yi = new int[window];
        double[] yw = new double[window];
        for (int u = 0; u < seqs.size(); u++) {
            int[] s = seqs.items[u];
            for (int t = 0; t + 1 < s.length; t++) {
                int nz = 0;
                double w = 1;
                for (int q = 0; q < window && t - q >= 0; q++, w *= decay) {
                    int d = dense[s[t - q]];
                    if (d >= 0 && d < k) {
                        zi[nz] = d;
                        zw[nz++] = w;
                    }
                }
                int ny = 0;
                w = 1;
                for (int q = 1; q <= window && t + q < s.length; q++, w *= decay) {
                    int d = dense[s[t + q]];
                    if (d >= 0 && d < k) {
                        yi[ny] = d;
                        yw[ny++] = w;
                    }
                }
                if (nz == 0 || ny == 0) {
                    continue;
                }
                for (int x = 0; x < nz; x++) {
                    int row = zi[x] * k;
                    for (int y = 0; y < nz; y++) {
                        zz[row + zi[y]] += zw[x] * zw[y];
                    }
                    for (int y = 0; y < ny; y++) {
                        zy[row + yi[y]] += zw[x] * yw[y];
                    }
                }
            }
        }
        return new double[][] {zz, zy};
    }

    /** SLIT weights B = (ZᵀZ + λI)⁻¹ ZᵀY; {@code consume} lets it overwrite the moments to save memory. */
    static float[] slit(double[][] moments, int k, double lambda, boolean consume) {
        if (k == 0) {
            return new float[0];
        }
        double[] a = consume ? moments[0] : moments[0].clone();
        for (int i = 0; i < k; i++) {
            a[i * k + i] += lambda;
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_MT_DDRM.chol(k);
        if (!solver.setA(DMatrixRMaj.wrap(k, k, a))) {
            throw new IllegalStateException("SLIT system is not positive definite; raise slit_lambda");
        }
        a = null;
        if (consume) {
            moments[0] = null;
        }
        DMatrixRMaj x = new DMatrixRMaj(k, k);
        solver.solve(DMatrixRMaj.wrap(k, k, consume ? moments[1] : moments[1].clone()), x);
        if (consume) {
            moments[1] = null;
        }
        float[] b = new float[k * k];
        double[] xd = x.data;
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) xd[i];
        }
        return b;
    }

    static double[] invertSpd(double[] a, int k) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_MT_DDRM.chol(k);
        if (!solver.setA(DMatrixRMaj.wrap(k, k, a))) {
            throw new IllegalStateException("EASE system is not positive definite; raise ease_lambda");
        }
        DMatrixRMaj inv = new DMatrixRMaj(k, k);
        solver.invert(inv);
        return inv.data;
    }

    /** scores[j] += weight * B[row][j] for a dense row-major k×k matrix (float: the JIT vectorizes it). */
    static void addRow(float[] b, int k, int row, float weight, float[] scores) {
        int off = row * k;
        for (int j = 0; j < k; j++) {
            scores[j] += weight * b[off + j];
        }
    }
}
