package org.eigenstudy.backend.statistics.mixed;

import java.util.function.ToDoubleFunction;

/**
 * Finite differences with Richardson extrapolation, as R's numDeriv (which lmerTest uses for the
 * Satterthwaite df): step d·|x| (or eps where x is ~0), halved up to three times, the estimates
 * extrapolated to step 0 (error O(h²) per level removed).
 */
final class NumericalDerivatives {

    /** numDeriv's r = 4: four step sizes, three extrapolations. */
    static final int NUMDERIV_LEVELS = 4;

    private static final double ZERO_TOLERANCE = Math.sqrt(2.220446049250313e-16 / 7e-7);

    private NumericalDerivatives() {}

    private static double step(double x, double d, double eps) {
        return Math.abs(x) < ZERO_TOLERANCE ? eps : d * Math.abs(x);
    }

    /**
     * Hessian of f at x with numDeriv::hessian's defaults (d = 0.1, eps = 1e-4, r = 4): the first
     * step is d·|x_i|, or eps where x_i is ~0, halved at each level.
     */
    static double[] hessian(ToDoubleFunction<double[]> f, double[] x) {
        double d = 0.1;
        double eps = 1e-4;
        int levels = NUMDERIV_LEVELS;
        int n = x.length;
        double f0 = f.applyAsDouble(x);
        double[] h = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double[] estimates = new double[levels];
                double hi = step(x[i], d, eps);
                double hj = step(x[j], d, eps);
                for (int m = 0; m < levels; m++) {
                    estimates[m] =
                            i == j
                                    ? (at(f, x, i, hi, -1, 0) - 2 * f0 + at(f, x, i, -hi, -1, 0))
                                            / (hi * hi)
                                    : (at(f, x, i, hi, j, hj)
                                                    - at(f, x, i, hi, j, -hj)
                                                    - at(f, x, i, -hi, j, hj)
                                                    + at(f, x, i, -hi, j, -hj))
                                            / (4 * hi * hj);
                    hi /= 2;
                    hj /= 2;
                }
                h[i * n + j] = richardson(estimates);
                h[j * n + i] = h[i * n + j];
            }
        }
        return h;
    }

    /**
     * Hessian of f at x by plain central differences with the absolute step {@code delta}, the
     * scheme of lme4's {@code deriv12} (which glmer's {@code vcov} uses, delta = 1e-4): (f(x + δeᵢ)
     * − 2f(x) + f(x − δeᵢ)) / δ² on the diagonal, the four-point formula off it; 1 + 2n + 2n(n − 1)
     * evaluations.
     */
    static double[] centralHessian(ToDoubleFunction<double[]> f, double[] x, double delta) {
        int n = x.length;
        double f0 = f.applyAsDouble(x);
        double[] h = new double[n * n];
        for (int i = 0; i < n; i++) {
            h[i * n + i] =
                    (at(f, x, i, delta, -1, 0) - 2 * f0 + at(f, x, i, -delta, -1, 0))
                            / (delta * delta);
            for (int j = 0; j < i; j++) {
                h[i * n + j] =
                        (at(f, x, i, delta, j, delta)
                                        - at(f, x, i, delta, j, -delta)
                                        - at(f, x, i, -delta, j, delta)
                                        + at(f, x, i, -delta, j, -delta))
                                / (4 * delta * delta);
                h[j * n + i] = h[i * n + j];
            }
        }
        return h;
    }

    /**
     * Jacobian of a vector function at x (numDeriv::jacobian: d = 1e-4, eps = 1e-4): column i of
     * the result (rows = outputs) is ∂f/∂x_i.
     */
    static double[][] jacobian(java.util.function.Function<double[], double[]> f, double[] x) {
        int n = x.length;
        double[][] columns = new double[n][];
        for (int i = 0; i < n; i++) {
            double hi = step(x[i], 1e-4, 1e-4);
            double[][] estimates = new double[NUMDERIV_LEVELS][];
            for (int m = 0; m < NUMDERIV_LEVELS; m++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[i] += hi;
                minus[i] -= hi;
                double[] fp = f.apply(plus);
                double[] fm = f.apply(minus);
                estimates[m] = new double[fp.length];
                for (int o = 0; o < fp.length; o++) {
                    estimates[m][o] = (fp[o] - fm[o]) / (2 * hi);
                }
                hi /= 2;
            }
            double[] column = new double[estimates[0].length];
            for (int o = 0; o < column.length; o++) {
                double[] e = new double[NUMDERIV_LEVELS];
                for (int m = 0; m < NUMDERIV_LEVELS; m++) {
                    e[m] = estimates[m][o];
                }
                column[o] = richardson(e);
            }
            columns[i] = column;
        }
        return columns;
    }

    private static double at(
            ToDoubleFunction<double[]> f, double[] x, int i, double di, int j, double dj) {
        double[] y = x.clone();
        y[i] += di;
        if (j >= 0) {
            y[j] += dj;
        }
        return f.applyAsDouble(y);
    }

    /** Extrapolates estimates at steps h, h/2, h/4, ... (error in even powers of h) to h = 0. */
    private static double richardson(double[] a) {
        double[] e = a.clone();
        for (int level = 1; level < e.length; level++) {
            double factor = Math.pow(4, level);
            for (int m = 0; m < e.length - level; m++) {
                e[m] = (factor * e[m + 1] - e[m]) / (factor - 1);
            }
        }
        return e[0];
    }
}
