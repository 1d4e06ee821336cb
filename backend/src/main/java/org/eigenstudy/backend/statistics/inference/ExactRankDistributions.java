package org.eigenstudy.backend.statistics.inference;

/**
 * Exact null distributions of the Wilcoxon statistics for small samples without ties, counted by
 * dynamic programming over subset sums (the same quantities as R's {@code pwilcox} and {@code
 * psignrank}). Counts are held in doubles: for n < 50 per sample they stay far below 2^1023 and the
 * rounding error is ~1e-16 relative.
 */
final class ExactRankDistributions {

    private ExactRankDistributions() {}

    /**
     * Frequencies of the rank-sum statistic W = U (rank sum of sample x minus m(m+1)/2), index u =
     * 0..m*n, for sample sizes m and n.
     */
    static double[] rankSumFrequencies(int m, int n) {
        int total = m + n;
        int maxSum = m * (2 * total - m + 1) / 2;
        // ways[k][s]: subsets of size k of the ranks seen so far with sum s.
        double[][] ways = new double[m + 1][maxSum + 1];
        ways[0][0] = 1;
        for (int rank = 1; rank <= total; rank++) {
            for (int k = Math.min(rank, m); k >= 1; k--) {
                double[] into = ways[k];
                double[] from = ways[k - 1];
                for (int s = maxSum; s >= rank; s--) {
                    into[s] += from[s - rank];
                }
            }
        }
        int offset = m * (m + 1) / 2;
        double[] frequencies = new double[m * n + 1];
        System.arraycopy(ways[m], offset, frequencies, 0, frequencies.length);
        return frequencies;
    }

    /** Frequencies of the signed-rank statistic V = 0..n(n+1)/2 for n non-zero differences. */
    static double[] signedRankFrequencies(int n) {
        int maxSum = n * (n + 1) / 2;
        double[] ways = new double[maxSum + 1];
        ways[0] = 1;
        for (int rank = 1; rank <= n; rank++) {
            for (int s = maxSum; s >= rank; s--) {
                ways[s] += ways[s - rank];
            }
        }
        return ways;
    }

    /**
     * R's two-sided exact p: twice the smaller tail at the observed statistic, capped at 1. The
     * statistic is an integer here (no ties).
     */
    static double twoSided(double[] frequencies, int statistic) {
        double total = 0;
        for (double f : frequencies) {
            total += f;
        }
        double mean = (frequencies.length - 1) / 2.0;
        double tail = 0;
        if (statistic > mean) {
            for (int u = statistic; u < frequencies.length; u++) {
                tail += frequencies[u];
            }
        } else {
            for (int u = 0; u <= statistic; u++) {
                tail += frequencies[u];
            }
        }
        return Math.min(1.0, 2.0 * tail / total);
    }
}
