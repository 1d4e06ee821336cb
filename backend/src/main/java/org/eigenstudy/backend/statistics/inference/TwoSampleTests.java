package org.eigenstudy.backend.statistics.inference;

import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * Student (pooled variance) and Welch two-sample t-tests (Apache Commons Statistics' {@link TTest})
 * and Hedges' g, from sample summaries, so the same code serves a thousand values or a million.
 * Matches R's {@code t.test(x, y, var.equal = TRUE / FALSE)}; this class adds the refusals (too few
 * values, zero variance) and R's names.
 */
public final class TwoSampleTests {

    public static final String STUDENT = "Two Sample t-test";
    public static final String WELCH = "Welch Two Sample t-test";
    public static final String HEDGES = "Hedges' g";

    private static final TTest STUDENT_TEST =
            TTest.withDefaults().with(DataDispersion.HOMOSCEDASTIC);
    private static final TTest WELCH_TEST =
            TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC);

    private TwoSampleTests() {}

    public static TestResult student(SampleStats a, SampleStats b) {
        String problem = problem(a, b);
        if (problem != null) {
            return TestResult.notComputable(STUDENT, problem);
        }
        if (a.variance() == 0 && b.variance() == 0) {
            return TestResult.notComputable(STUDENT, "both samples have zero variance");
        }
        return of(STUDENT, STUDENT_TEST, a, b);
    }

    public static TestResult welch(SampleStats a, SampleStats b) {
        String problem = problem(a, b);
        if (problem != null) {
            return TestResult.notComputable(WELCH, problem);
        }
        if (a.variance() == 0 && b.variance() == 0) {
            return TestResult.notComputable(WELCH, "both samples have zero variance");
        }
        return of(WELCH, WELCH_TEST, a, b);
    }

    private static TestResult of(String method, TTest test, SampleStats a, SampleStats b) {
        TTest.Result r = test.test(a.mean(), a.variance(), a.n(), b.mean(), b.variance(), b.n());
        return TestResult.of(
                method,
                a.n() + b.n(),
                "t",
                r.getStatistic(),
                r.getDegreesOfFreedom(),
                a.mean() - b.mean(),
                r.getPValue());
    }

    /**
     * Hedges' g: Cohen's d with the pooled SD, times the small-sample correction J = 1 - 3 / (4 (n1
     * + n2) - 9) (Hedges and Olkin's approximation of the exact gamma-function factor).
     */
    public static TestResult hedgesG(SampleStats a, SampleStats b) {
        String problem = problem(a, b);
        if (problem != null) {
            return TestResult.notComputable(HEDGES, problem);
        }
        double df = a.n() + b.n() - 2.0;
        double pooled = ((a.n() - 1) * a.variance() + (b.n() - 1) * b.variance()) / df;
        if (pooled == 0) {
            return TestResult.notComputable(HEDGES, "both samples have zero variance");
        }
        double d = (a.mean() - b.mean()) / Math.sqrt(pooled);
        double j = 1.0 - 3.0 / (4.0 * (a.n() + b.n()) - 9.0);
        double g = j * d;
        if (!Double.isFinite(g)) {
            return TestResult.notComputable(
                    HEDGES, "degenerate data: the effect size is undefined");
        }
        return new TestResult(HEDGES, true, null, a.n() + b.n(), "g", g, null, g, null, null);
    }

    private static String problem(SampleStats a, SampleStats b) {
        if (a.n() < 2 || b.n() < 2) {
            return "each sample needs at least 2 values (n = " + a.n() + " and " + b.n() + ")";
        }
        return null;
    }
}
