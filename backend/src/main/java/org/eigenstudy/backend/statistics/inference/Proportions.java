package org.eigenstudy.backend.statistics.inference;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * Seen-change fractions: Wilson score interval (R: {@code prop.test(x, n, correct =
 * FALSE)$conf.int}), the 2x2 chi-square test with and without Yates' continuity correction (R:
 * {@code prop.test} and {@code chisq.test} of the 2x2 table, which agree for two groups) and
 * Fisher's exact test (R: {@code fisher.test}; Apache Commons Statistics, since Commons Math has
 * none).
 */
public final class Proportions {

    public static final String CHI_SQUARE = "Pearson's Chi-squared test";
    public static final String CHI_SQUARE_YATES =
            "Pearson's Chi-squared test with Yates' continuity correction";
    public static final String FISHER = "Fisher's Exact Test for Count Data";

    private static final FisherExactTest FISHER_TEST = FisherExactTest.withDefaults();

    private Proportions() {}

    /** Wilson score interval without continuity correction; requires n > 0. */
    public static Interval wilson(long successes, long n, double confidence) {
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + confidence / 2.0);
        double p = (double) successes / n;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double scale = 1 + z2 / n;
        return new Interval(
                Math.max(0.0, (centre - spread) / scale), Math.min(1.0, (centre + spread) / scale));
    }

    /** Chi-square test of equal proportions x1/n1 vs x2/n2 (1 df). */
    public static TestResult chiSquare(long x1, long n1, long x2, long n2, boolean yates) {
        String method = yates ? CHI_SQUARE_YATES : CHI_SQUARE;
        if (n1 == 0 || n2 == 0) {
            return TestResult.notComputable(method, "a class has no trials");
        }
        long seen = x1 + x2;
        long total = n1 + n2;
        if (seen == 0 || seen == total) {
            return TestResult.notComputable(
                    method, "every trial has the same answer: expected counts of zero");
        }
        double pooled = (double) seen / total;
        double[] observed = {x1, n1 - x1, x2, n2 - x2};
        double[] expected = {n1 * pooled, n1 * (1 - pooled), n2 * pooled, n2 * (1 - pooled)};
        // Commons Statistics' ChiSquareTest has no continuity correction, so the statistic is
        // written here for both variants (one formula); its p is the library's chi-square tail.
        // All four |O - E| are equal in a 2x2 table; R caps the correction at that value.
        double correction = yates ? Math.min(0.5, Math.abs(observed[0] - expected[0])) : 0.0;
        double statistic = 0;
        for (int i = 0; i < 4; i++) {
            double d = Math.abs(observed[i] - expected[i]) - correction;
            statistic += d * d / expected[i];
        }
        double difference = (double) x1 / n1 - (double) x2 / n2;
        return TestResult.of(
                method,
                total,
                "X-squared",
                statistic,
                1.0,
                difference,
                Tails.chiSquareUpper(statistic, 1));
    }

    /**
     * Two-sided Fisher exact test of the 2x2 table [[x1, n1 - x1], [x2, n2 - x2]]. The estimate is
     * the sample odds ratio ad/bc, not R's conditional maximum-likelihood estimate; the p-value is
     * R's.
     */
    public static TestResult fisher(long x1, long n1, long x2, long n2) {
        if (n1 == 0 || n2 == 0) {
            return TestResult.notComputable(FISHER, "a class has no trials");
        }
        if (n1 + n2 > Integer.MAX_VALUE) {
            return TestResult.notComputable(FISHER, "more than 2^31 trials");
        }
        int[][] table = {{(int) x1, (int) (n1 - x1)}, {(int) x2, (int) (n2 - x2)}};
        SignificanceResult result = FISHER_TEST.test(table);
        double oddsRatio = result.getStatistic();
        if (!Double.isFinite(oddsRatio)) {
            // A zero cell makes the odds ratio infinite; the p-value is still well defined.
            return TestResult.pOnly(FISHER, n1 + n2, result.getPValue());
        }
        return TestResult.of(
                FISHER,
                n1 + n2,
                "sample odds ratio",
                oddsRatio,
                null,
                oddsRatio,
                result.getPValue());
    }
}
