package org.eigenstudy.backend.statistics.tests;

import java.util.Arrays;

/**
 * Wilcoxon signed-rank test of paired differences, as R's {@code wilcox.test(x, y, paired = TRUE)}
 * (R 4.2): zero differences are dropped; exact p for fewer than 50 non-zero differences without
 * ties or zeros, otherwise the normal approximation with continuity and ties corrections.
 */
public final class SignedRank {

    public static final String EXACT = "Wilcoxon signed rank exact test";
    public static final String NORMAL = "Wilcoxon signed rank test with continuity correction";

    private SignedRank() {}

    public static TestResult test(double[] differences) {
        int nonZero = 0;
        for (double d : differences) {
            if (d != 0) {
                nonZero++;
            }
        }
        boolean zeroes = nonZero < differences.length;
        if (nonZero == 0) {
            return TestResult.notComputable(NORMAL, "every paired difference is zero");
        }
        // Sort by |d| while keeping the sign: encode as (|d|, sign) pairs in two arrays.
        double[] magnitudes = new double[nonZero];
        int k = 0;
        for (double d : differences) {
            if (d != 0) {
                magnitudes[k++] = Math.abs(d);
            }
        }
        double[] positives = Arrays.stream(differences).filter(d -> d > 0).toArray();
        Arrays.sort(magnitudes);
        for (int i = 0; i < positives.length; i++) {
            positives[i] = Math.abs(positives[i]);
        }
        Arrays.sort(positives);
        double v = 0;
        double tieTerm = 0;
        boolean ties = false;
        int i = 0;
        int p = 0;
        while (i < nonZero) {
            double value = magnitudes[i];
            int start = i;
            while (i < nonZero && magnitudes[i] == value) {
                i++;
            }
            double block = i - start;
            double averageRank = start + (block + 1) / 2.0;
            int positiveInBlock = 0;
            while (p < positives.length && positives[p] == value) {
                p++;
                positiveInBlock++;
            }
            v += positiveInBlock * averageRank;
            tieTerm += block * block * block - block;
            ties |= block > 1;
        }
        double n = nonZero;
        if (nonZero < 50 && !ties && !zeroes) {
            double pValue =
                    ExactRankDistributions.twoSided(
                            ExactRankDistributions.signedRankFrequencies(nonZero),
                            (int) Math.round(v));
            return TestResult.of(EXACT, nonZero, "V", v, null, null, pValue);
        }
        double z = v - n * (n + 1) / 4.0;
        double sigma = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24.0 - tieTerm / 48.0);
        if (sigma == 0) {
            return TestResult.notComputable(NORMAL, "the signed ranks have zero variance");
        }
        double corrected = (z - Math.signum(z) * 0.5) / sigma;
        return TestResult.of(NORMAL, nonZero, "V", v, null, null, Tails.normalTwoSided(corrected));
    }
}
