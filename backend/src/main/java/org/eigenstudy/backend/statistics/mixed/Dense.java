package org.eigenstudy.backend.statistics.mixed;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Small dense linear algebra on row-major {@code double[]} matrices: the blocks of the mixed-model
 * system are at most a few dozen wide, where plain loops beat a general matrix library's allocation
 * and dispatch.
 */
final class Dense {

    private Dense() {}

    /**
     * Cholesky factor in place: the n × n block at {@code o} of {@code a} (symmetric, only the
     * lower triangle read) becomes L with A = L Lᵀ (upper triangle zeroed).
     *
     * @throws IllegalStateException when A is not positive definite
     */
    static void cholesky(double[] a, int o, int n) {
        for (int j = 0; j < n; j++) {
            double d = a[o + j * n + j];
            for (int k = 0; k < j; k++) {
                d -= a[o + j * n + k] * a[o + j * n + k];
            }
            if (!(d > 0)) {
                throw new IllegalStateException("matrix is not positive definite");
            }
            d = Math.sqrt(d);
            a[o + j * n + j] = d;
            for (int i = j + 1; i < n; i++) {
                double s = a[o + i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[o + i * n + k] * a[o + j * n + k];
                }
                a[o + i * n + j] = s / d;
            }
            for (int i = 0; i < j; i++) {
                a[o + i * n + j] = 0;
            }
        }
    }

    /** Solves L x = b in place; L is the n × n block at lo, b the n × cols block at bo. */
    static void forward(double[] l, int lo, int n, double[] b, int bo, int cols) {
        for (int i = 0; i < n; i++) {
            double d = l[lo + i * n + i];
            for (int c = 0; c < cols; c++) {
                double s = b[bo + i * cols + c];
                for (int k = 0; k < i; k++) {
                    s -= l[lo + i * n + k] * b[bo + k * cols + c];
                }
                b[bo + i * cols + c] = s / d;
            }
        }
    }

    /** Solves Lᵀ x = b in place; L is the n × n block at lo, b the n × cols block at bo. */
    static void backward(double[] l, int lo, int n, double[] b, int bo, int cols) {
        for (int i = n - 1; i >= 0; i--) {
            double d = l[lo + i * n + i];
            for (int c = 0; c < cols; c++) {
                double s = b[bo + i * cols + c];
                for (int k = i + 1; k < n; k++) {
                    s -= l[lo + k * n + i] * b[bo + k * cols + c];
                }
                b[bo + i * cols + c] = s / d;
            }
        }
    }

    /** Σ log of the diagonal of the n × n block at o. */
    static double logDiagonal(double[] l, int o, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(l[o + i * n + i]);
        }
        return s;
    }

    /** (L Lᵀ)⁻¹ for a lower-triangular n × n factor L. */
    static double[] inverseFromCholesky(double[] l, int n) {
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) {
            inv[i * n + i] = 1;
        }
        forward(l, 0, n, inv, 0, n);
        backward(l, 0, n, inv, 0, n);
        return inv;
    }

    /**
     * A⁻¹ of a general n × n matrix by LU (as R's {@code solve}); a numerical Hessian at a boundary
     * need not be positive definite.
     */
    static double[] inverse(double[] a, int n) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n, rows[i], 0, n);
        }
        RealMatrix inv =
                new LUDecomposition(new Array2DRowRealMatrix(rows, false)).getSolver().getInverse();
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = inv.getEntry(i, j);
            }
        }
        return out;
    }

    /** xᵀ A x. */
    /** √ of the diagonal of a row-major n × n matrix: standard errors from a covariance. */
    static double[] sqrtDiagonal(double[] a, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.sqrt(a[i * n + i]);
        }
        return d;
    }

    static double quadratic(double[] x, double[] a) {
        int n = x.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = 0;
            for (int j = 0; j < n; j++) {
                r += a[i * n + j] * x[j];
            }
            s += x[i] * r;
        }
        return s;
    }
}
