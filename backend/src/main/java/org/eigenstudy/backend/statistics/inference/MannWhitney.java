package org.eigenstudy.backend.statistics.inference;

/**
 * Wilcoxon rank-sum (Mann-Whitney U) test, as R's {@code wilcox.test(x, y)}: W = rank sum of x
 * minus n_x(n_x + 1)/2; exact p when both samples have fewer than 50 values and there are no ties,
 * otherwise the normal approximation with continuity correction and the ties correction of the
 * variance.
 *
 * <p>Hand-written rather than Commons Statistics' {@code MannWhitneyUTest} for a measured need: the
 * analysis keeps each class's values sorted (counting sort on integer ratings) and ranks the two
 * samples by merging them, which took 1.3–3.5 ms per comparison in the 1M-response benchmark
 * against 220–520 ms for the library, which copies and sorts on every call (2026-12-06, 2 cores).
 */
public final class MannWhitney {

    public static final String EXACT = "Wilcoxon rank sum exact test";
    public static final String NORMAL = "Wilcoxon rank sum test with continuity correction";

    private MannWhitney() {}

    /**
     * Both arrays must be sorted ascending (only the first {@code nx} / {@code ny} values count).
     */
    public static TestResult testSorted(double[] x, int nx, double[] y, int ny) {
        if (nx == 0 || ny == 0) {
            return TestResult.notComputable(NORMAL, "a sample is empty");
        }
        double rankSumX = 0;
        double tieTerm = 0;
        boolean ties = false;
        int i = 0;
        int j = 0;
        long position = 0;
        // Merge the two sorted samples block by block of equal values: one pass, no rank array.
        while (i < nx || j < ny) {
            double value = i < nx && (j >= ny || x[i] <= y[j]) ? x[i] : y[j];
            int fromX = 0;
            while (i < nx && x[i] == value) {
                i++;
                fromX++;
            }
            int fromY = 0;
            while (j < ny && y[j] == value) {
                j++;
                fromY++;
            }
            double block = fromX + fromY;
            double averageRank = position + (block + 1) / 2.0;
            rankSumX += fromX * averageRank;
            tieTerm += block * block * block - block;
            ties |= block > 1;
            position += (long) block;
        }
        double m = nx;
        double n = ny;
        double w = rankSumX - m * (m + 1) / 2.0;
        if (nx < 50 && ny < 50 && !ties) {
            double p =
                    ExactRankDistributions.twoSided(
                            ExactRankDistributions.rankSumFrequencies(nx, ny), (int) Math.round(w));
            return TestResult.of(EXACT, nx + ny, "W", w, null, null, p);
        }
        double z = w - m * n / 2.0;
        double sigma =
                Math.sqrt((m * n / 12.0) * ((m + n + 1) - tieTerm / ((m + n) * (m + n - 1))));
        if (sigma == 0) {
            return TestResult.notComputable(NORMAL, "all values are equal");
        }
        double corrected = (z - Math.signum(z) * 0.5) / sigma;
        return TestResult.of(NORMAL, nx + ny, "W", w, null, null, Tails.normalTwoSided(corrected));
    }
}
