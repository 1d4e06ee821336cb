package org.eigenstudy.geometry.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Sorted eigenvalue spectra of many points summarised per rank (paper Fig. 2): mean, 5 % and 95 %
 * quantiles. Quantiles interpolate linearly between order statistics (R's type 7, numpy's default).
 */
public record Spectrum(double[] mean, double[] p05, double[] p95) {

    public static Spectrum of(List<double[]> spectra) {
        int n = spectra.get(0).length;
        double[] mean = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] column = new double[spectra.size()];
        for (int r = 0; r < n; r++) {
            for (int p = 0; p < column.length; p++) {
                column[p] = spectra.get(p)[r];
            }
            mean[r] = Arrays.stream(column).average().orElseThrow();
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            lo[r] = quantile(sorted, 0.05);
            hi[r] = quantile(sorted, 0.95);
        }
        return new Spectrum(mean, lo, hi);
    }

    /** Type-7 quantile of ascending {@code sorted}. */
    public static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
