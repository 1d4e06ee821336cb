package org.eigenstudy.geometry.analysis;

import java.util.Arrays;

/**
 * The paper's Table 2 anisotropy: how many eigenvalues it takes for the cumulative sum of |λ|
 * (sorted descending) to reach a fraction of the total. Like the authors' code this counts the
 * ranks whose explained fraction is still below the threshold.
 */
public final class Anisotropy {
    public static final double[] THRESHOLDS = {0.99, 0.999, 0.9999, 0.99999};

    private Anisotropy() {}

    public static int[] dims(double[] spectrum, double... thresholds) {
        double[] magnitudes = Arrays.stream(spectrum).map(Math::abs).sorted().toArray();
        int n = magnitudes.length;
        double total = Arrays.stream(magnitudes).sum();
        int[] dims = new int[thresholds.length];
        double cumulative = 0;
        for (int r = 0; r < n; r++) {
            cumulative += magnitudes[n - 1 - r];
            for (int t = 0; t < thresholds.length; t++) {
                if (cumulative / total < thresholds[t]) {
                    dims[t]++;
                }
            }
        }
        return dims;
    }
}
