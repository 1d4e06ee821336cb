package org.eigenstudy.backend.statistics.inference;

import java.util.Arrays;

/**
 * Spearman rank correlation as R's {@code cor.test(x, y, method = "spearman", exact = FALSE)}: rho
 * is Pearson's correlation of average ranks, S = (n^3 - n)(1 - rho)/6, and p comes from the t
 * approximation t = rho sqrt((n - 2)/(1 - rho^2)) with n - 2 df. R uses that same formula whenever
 * there are ties or n > 1290 (always the case for ratings and eigen-ranks); R's exact AS 89 p for
 * small tie-free samples is not reproduced.
 */
public final class Spearman {

    public static final String METHOD = "Spearman's rank correlation rho";

    private Spearman() {}

    /** Uses the first {@code n} entries of x and y; the arrays are not modified. */
    public static TestResult test(double[] x, double[] y, int n) {
        if (n < 3) {
            return TestResult.notComputable(METHOD, "needs at least 3 pairs (n = " + n + ")");
        }
        double[] rx = averageRanks(x, n);
        double[] ry = averageRanks(y, n);
        double mean = (n + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = rx[i] - mean;
            double dy = ry[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return TestResult.notComputable(METHOD, "a variable is constant");
        }
        double rho = sxy / Math.sqrt(sxx * syy);
        rho = Math.max(-1.0, Math.min(1.0, rho));
        double nn = n;
        double s = (nn * nn * nn - nn) * (1 - rho) / 6.0;
        double p;
        if (Math.abs(rho) == 1.0) {
            p = 0.0;
        } else {
            double t = rho * Math.sqrt((nn - 2) / (1 - rho * rho));
            p = Tails.studentTwoSided(t, nn - 2);
        }
        return TestResult.of(METHOD, n, "S", s, null, rho, p);
    }

    /**
     * Average (mid) ranks, 1-based, as R's {@code rank()}: sort a copy, collapse it to its distinct
     * values with their mid-ranks, then look each value up among the distinct ones (ratings and
     * eigen-ranks have few, so the search stays in cache).
     */
    static double[] averageRanks(double[] values, int n) {
        double[] table = Sorting.integerMidRanks(values, n);
        if (table != null) {
            double[] ranks = new double[n];
            for (int i = 0; i < n; i++) {
                ranks[i] = table[(int) values[i]];
            }
            return ranks;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Sorting.sort(sorted, 0, n);
        double[] distinct = new double[n];
        double[] midRank = new double[n];
        int d = 0;
        for (int i = 0; i < n; ) {
            int start = i;
            while (i < n && sorted[i] == sorted[start]) {
                i++;
            }
            distinct[d] = sorted[start];
            midRank[d] = (start + 1 + i) / 2.0;
            d++;
        }
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            ranks[i] = midRank[lowerBound(distinct, d, values[i])];
        }
        return ranks;
    }

    private static int lowerBound(double[] sorted, int length, double value) {
        int lo = 0;
        int hi = length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
