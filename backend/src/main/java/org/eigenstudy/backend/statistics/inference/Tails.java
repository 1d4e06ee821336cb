package org.eigenstudy.backend.statistics.inference;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Two-sided and upper tail probabilities under R's names, from Apache Commons Statistics'
 * distributions. Their {@code survivalProbability} is computed directly, not as {@code 1 - cdf},
 * which would lose all relative precision for the tiny p-values large studies give.
 */
public final class Tails {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Tails() {}

    /** P(|T| >= |t|) for Student's t with {@code df} degrees of freedom (R: 2 * pt(-|t|, df)). */
    public static double studentTwoSided(double t, double df) {
        return Math.min(1.0, 2 * TDistribution.of(df).survivalProbability(Math.abs(t)));
    }

    /** P(|Z| >= |z|) for a standard normal (R: 2 * pnorm(-|z|)). */
    public static double normalTwoSided(double z) {
        return Math.min(1.0, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    }

    /**
     * P(X >= x) for chi-square with {@code df} degrees of freedom (R: pchisq(x, df, lower =
     * FALSE)).
     */
    public static double chiSquareUpper(double x, double df) {
        return ChiSquaredDistribution.of(df).survivalProbability(Math.max(x, 0));
    }
}
