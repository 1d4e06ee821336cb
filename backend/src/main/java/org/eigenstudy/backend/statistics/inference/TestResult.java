package org.eigenstudy.backend.statistics.inference;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Outcome of one hypothesis test. When {@code computable} is false only {@code method} and {@code
 * reason} are set, so the JSON never carries NaN or Infinity.
 *
 * @param method the test, named as R names it (e.g. "Welch Two Sample t-test")
 * @param statisticName R's name of the statistic (t, W, V, X-squared, S)
 * @param estimate the effect the test is about (difference of means, rho, odds ratio), when it has
 *     one
 * @param pHolm Holm-adjusted p within the family the report shows together; null until adjusted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestResult(
        String method,
        boolean computable,
        String reason,
        Long n,
        String statisticName,
        Double statistic,
        Double df,
        Double estimate,
        Double p,
        Double pHolm) {

    public static TestResult notComputable(String method, String reason) {
        return new TestResult(method, false, reason, null, null, null, null, null, null, null);
    }

    /**
     * A computed result; degenerate arithmetic (NaN or infinite statistic or p) turns into a
     * not-computable result rather than leaking into the report.
     */
    public static TestResult of(
            String method,
            long n,
            String statisticName,
            double statistic,
            Double df,
            Double estimate,
            double p) {
        if (!Double.isFinite(statistic)
                || !Double.isFinite(p)
                || (df != null && !Double.isFinite(df))
                || (estimate != null && !Double.isFinite(estimate))) {
            return notComputable(method, "degenerate data: the statistic is undefined");
        }
        return new TestResult(
                method, true, null, n, statisticName, statistic, df, estimate, clamp(p), null);
    }

    /** A result whose statistic cannot be shown (e.g. an infinite odds ratio) but whose p can. */
    public static TestResult pOnly(String method, long n, double p) {
        if (!Double.isFinite(p)) {
            return notComputable(method, "degenerate data: the p-value is undefined");
        }
        return new TestResult(method, true, null, n, null, null, null, null, clamp(p), null);
    }

    public TestResult withHolm(double adjusted) {
        return new TestResult(
                method, computable, reason, n, statisticName, statistic, df, estimate, p, adjusted);
    }

    private static double clamp(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
