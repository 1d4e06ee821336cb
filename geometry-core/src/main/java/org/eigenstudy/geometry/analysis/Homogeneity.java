package org.eigenstudy.geometry.analysis;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Metric consistency between points (paper Eq. 5–6, A.7). For an ordered pair (i, j), i ≠ j, the
 * eigenvectors U_i of H_i are measured by H_j, Λ_ij = diag(U_iᵀ H_j U_i), and C_ij is the Pearson
 * correlation of Λ_ij with H_i's eigenvalues Λ_i, on linear scale and on log10 scale (entries where
 * either value is ≤ 0 left out). A flat spectrum has no variance to correlate and gives NaN (A.7);
 * NaN pairs are counted and excluded from the mean and (population) standard deviation.
 */
public final class Homogeneity {
    private Homogeneity() {}

    /** One scale's statistics over all ordered pairs. */
    public record Scale(double mean, double std, int pairs, int nanPairs, double[] values) {
        static Scale of(List<Double> values) {
            double[] all = values.stream().mapToDouble(Double::doubleValue).toArray();
            double[] finite = values.stream().filter(v -> !v.isNaN()).mapToDouble(v -> v).toArray();
            double mean = Double.NaN;
            double std = Double.NaN;
            if (finite.length > 0) {
                mean = java.util.Arrays.stream(finite).average().orElseThrow();
                double m = mean;
                std =
                        Math.sqrt(
                                java.util.Arrays.stream(finite)
                                        .map(v -> (v - m) * (v - m))
                                        .average()
                                        .orElseThrow());
            }
            return new Scale(mean, std, all.length, all.length - finite.length, all);
        }
    }

    /** Both scales. */
    public record Result(Scale linear, Scale log) {}

    public static Result of(List<DMatrixRMaj> hessians, List<Eigen> eigens) {
        List<Double> linear = new ArrayList<>();
        List<Double> log = new ArrayList<>();
        for (int i = 0; i < hessians.size(); i++) {
            for (int j = 0; j < hessians.size(); j++) {
                if (i == j) {
                    continue;
                }
                double[] measured = rayleigh(hessians.get(j), eigens.get(i));
                double[] own = eigens.get(i).values();
                linear.add(correlation(measured, own, false));
                log.add(correlation(measured, own, true));
            }
        }
        return new Result(Scale.of(linear), Scale.of(log));
    }

    /** uᵀ H u for every eigenvector column u. */
    static double[] rayleigh(DMatrixRMaj h, Eigen eigen) {
        int n = h.numRows;
        int k = eigen.values().length;
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            double sum = 0;
            for (int r = 0; r < n; r++) {
                double hu = 0;
                for (int s = 0; s < n; s++) {
                    hu += h.get(r, s) * eigen.vectors().get(s, c);
                }
                sum += eigen.vectors().get(r, c) * hu;
            }
            out[c] = sum;
        }
        return out;
    }

    /** Pearson correlation; NaN when either side has zero variance or fewer than 2 entries. */
    static double correlation(double[] a, double[] b, boolean logScale) {
        List<double[]> pairs = new ArrayList<>();
        for (int t = 0; t < a.length; t++) {
            if (!logScale) {
                pairs.add(new double[] {a[t], b[t]});
            } else if (a[t] > 0 && b[t] > 0) {
                pairs.add(new double[] {Math.log10(a[t]), Math.log10(b[t])});
            }
        }
        int m = pairs.size();
        if (m < 2) {
            return Double.NaN;
        }
        double ma = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double mb = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (double[] p : pairs) {
            sab += (p[0] - ma) * (p[1] - mb);
            saa += (p[0] - ma) * (p[0] - ma);
            sbb += (p[1] - mb) * (p[1] - mb);
        }
        // Relative test: round-off leaves a "flat" spectrum with variance ~1e-30, not exactly 0.
        double scale = Math.max(ma * ma, mb * mb) * m;
        if (saa <= 1e-24 * Math.max(scale, Double.MIN_NORMAL)
                || sbb <= 1e-24 * Math.max(scale, Double.MIN_NORMAL)) {
            return Double.NaN;
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
