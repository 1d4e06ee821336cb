package org.eigenstudy.backend.statistics.tests;

/** Paired t-test on differences, as R's {@code t.test(x, y, paired = TRUE)}. */
public final class PairedT {

    public static final String METHOD = "Paired t-test";

    private PairedT() {}

    public static TestResult test(double[] differences) {
        SampleStats s = SampleStats.of(differences);
        if (s.n() < 2) {
            return TestResult.notComputable(METHOD, "needs at least 2 pairs (n = " + s.n() + ")");
        }
        if (s.variance() == 0) {
            return TestResult.notComputable(METHOD, "the paired differences have zero variance");
        }
        double t = s.mean() / s.sem();
        double df = s.n() - 1.0;
        return TestResult.of(METHOD, s.n(), "t", t, df, s.mean(), Tails.studentTwoSided(t, df));
    }
}
