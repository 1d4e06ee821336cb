package org.eigenstudy.geometry.hessian;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.progress.ProgressListener;
import org.ejml.data.DMatrixRMaj;

/**
 * Top-k eigenpairs of H(z0) from Hessian-vector products only (paper A.2 "backward/forward
 * iteration"), for spaces too large for a full Hessian. Lanczos with full re-orthogonalisation (the
 * spectra span many orders of magnitude, where plain Lanczos loses orthogonality fast), float64 in
 * Java, {@code steps} products in all; the start vector comes from {@code seed}.
 */
public final class LanczosEigensolver {
    private final ImageMetric metric;
    private final int k;
    private final int steps;
    private final HvpMode mode;
    private final double epsilon;
    private final long seed;

    /**
     * @param steps Lanczos steps (HVPs), at least k; min(n, max(2k + 10, 30)) is a good default
     * @param epsilon finite-difference step for {@link HvpMode#FORWARD}
     */
    public LanczosEigensolver(
            ImageMetric metric, int k, int steps, HvpMode mode, double epsilon, long seed) {
        if (k < 1 || steps < k) {
            throw new IllegalArgumentException("need 1 <= k <= steps");
        }
        this.metric = metric;
        this.k = k;
        this.steps = steps;
        this.mode = mode;
        this.epsilon = epsilon;
        this.seed = seed;
    }

    public static int defaultSteps(int n, int k) {
        return Math.min(n, Math.max(2 * k + 10, 30));
    }

    public Eigen topK(float[] z0) {
        return topK(z0, ProgressListener.NONE);
    }

    /** Top-k eigenpairs at z0, telling {@code progress} how many of its HVPs are done. */
    public Eigen topK(float[] z0, ProgressListener progress) {
        int n = z0.length;
        int m = Math.min(steps, n);
        List<double[]> basis = new ArrayList<>();
        List<Double> alphas = new ArrayList<>();
        List<Double> betas = new ArrayList<>();
        double[] q = new double[n];
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            q[i] = random.nextGaussian();
        }
        scale(q, 1 / norm(q));
        try (Hvp hvp =
                mode == HvpMode.BACKWARD
                        ? new BackwardHvp(metric, z0)
                        : new ForwardHvp(metric, z0, epsilon)) {
            for (int j = 0; j < m; j++) {
                basis.add(q);
                double[] w = hvp.apply(q);
                progress.progress(j + 1, m);
                double alpha = dot(q, w);
                alphas.add(alpha);
                // Full re-orthogonalisation, twice ("twice is enough"), replaces the three-term
                // recurrence's subtraction and keeps the basis orthogonal to rounding.
                for (int pass = 0; pass < 2; pass++) {
                    for (double[] b : basis) {
                        axpy(-dot(b, w), b, w);
                    }
                }
                double beta = norm(w);
                if (j == m - 1 || beta <= 1e-12 * Math.abs(alphas.get(0))) {
                    break;
                }
                betas.add(beta);
                q = w;
                scale(q, 1 / beta);
            }
        }
        progress.progress(m, m);
        return ritz(basis, alphas, betas, n);
    }

    private Eigen ritz(List<double[]> basis, List<Double> alphas, List<Double> betas, int n) {
        int m = alphas.size();
        DMatrixRMaj t = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            t.set(i, i, alphas.get(i));
            if (i + 1 < m) {
                t.set(i, i + 1, betas.get(i));
                t.set(i + 1, i, betas.get(i));
            }
        }
        Eigen small = Eigen.of(t);
        int count = Math.min(k, m);
        double[] values = new double[count];
        double[][] columns = new double[count][n];
        for (int c = 0; c < count; c++) {
            values[c] = small.values()[c];
            for (int i = 0; i < m; i++) {
                axpy(small.vectors().get(i, c), basis.get(i), columns[c]);
            }
            scale(columns[c], 1 / norm(columns[c]));
        }
        return Eigen.fromColumns(values, columns);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double s) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= s;
        }
    }

    private static void axpy(double s, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += s * x[i];
        }
    }
}
