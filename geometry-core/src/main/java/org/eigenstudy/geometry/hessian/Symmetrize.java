package org.eigenstudy.geometry.hessian;

import org.ejml.data.DMatrixRMaj;

/** (A + Aᵀ)/2: float32 rounding leaves computed Hessians a few ulps from symmetric. */
final class Symmetrize {
    private Symmetrize() {}

    static DMatrixRMaj of(double[][] rows) {
        int n = rows.length;
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h.set(i, j, 0.5 * (rows[i][j] + rows[j][i]));
            }
        }
        return h;
    }
}
