package org.eigenstudy.backend.statistics.tests;

/**
 * Student (pooled variance) and Welch two-sample t-tests and Hedges' g, from sample summaries, so
 * the same code serves a thousand values or a million. Matches R's {@code t.test(x, y, var.equal =
 * TRUE / FALSE)}.
 */
public final class TwoSampleTests {

    public static final String STUDENT = "Two Sample t-test";
    public static final String WELCH = "Welch Two Sample t-test";
    public static final String HEDGES = "Hedges' g";

    private TwoSampleTests() {}

    public static TestResult student(SampleStats a, SampleStats b) {
        String problem = problem(a, b);
        if (problem != null) {
            return TestResult.notComputable(STUDENT, problem);
        }
        double df = a.n() + b.n() - 2.0;
        double pooled = ((a.n() - 1) * a.variance() + (b.n() - 1) * b.variance()) / df;
        double se = Math.sqrt(pooled * (1.0 / a.n() + 1.0 / b.n()));
        if (se == 0) {
            return TestResult.notComputable(STUDENT, "both samples have zero variance");
        }
        double diff = a.mean() - b.mean();
        double t = diff / se;
        return TestResult.of(
                STUDENT, a.n() + b.n(), "t", t, df, diff, Tails.studentTwoSided(t, df));
    }

    public static TestResult welch(SampleStats a, SampleStats b) {
        String problem = problem(a, b);
        if (problem != null) {
            return TestResult.notComputable(WELCH, problem);
        }
        double va = a.variance() / a.n();
        double vb = b.variance() / b.n();
        double se2 = va + vb;
        if (se2 == 0) {
            return TestResult.notComputable(WELCH, "both samples have zero variance");
        }
        double df = se2 * se2 / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        double diff = a.mean() - b.mean();
        double t = diff / Math.sqrt(se2);
        return TestResult.of(WELCH, a.n() + b.n(), "t", t, df, diff, Tails.studentTwoSided(t, df));
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
