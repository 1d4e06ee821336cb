package org.eigenstudy.backend.statistics.tests;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Two-sided and upper tail probabilities written directly with the special functions, because
 * computing {@code 1 - cdf} loses all relative precision for the tiny p-values large studies give.
 */
public final class Tails {

    private Tails() {}

    /** P(|T| >= |t|) for Student's t with {@code df} degrees of freedom (R: 2 * pt(-|t|, df)). */
    public static double studentTwoSided(double t, double df) {
        if (t == 0) {
            return 1.0;
        }
        return Beta.regularizedBeta(df / (df + t * t), 0.5 * df, 0.5);
    }

    /** P(|Z| >= |z|) for a standard normal (R: 2 * pnorm(-|z|)). */
    public static double normalTwoSided(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2.0));
    }

    /**
     * P(X >= x) for chi-square with {@code df} degrees of freedom (R: pchisq(x, df, lower =
     * FALSE)).
     */
    public static double chiSquareUpper(double x, double df) {
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(0.5 * df, 0.5 * x);
    }
}
