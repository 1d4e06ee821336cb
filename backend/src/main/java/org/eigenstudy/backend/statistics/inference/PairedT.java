package org.eigenstudy.backend.statistics.inference;

import org.apache.commons.statistics.inference.TTest;

/**
 * Paired t-test on differences, as R's {@code t.test(x, y, paired = TRUE)}: Apache Commons
 * Statistics' one-sample {@link TTest} of the differences against 0.
 */
public final class PairedT {

    public static final String METHOD = "Paired t-test";

    private static final TTest TEST = TTest.withDefaults();

    private PairedT() {}

    public static TestResult test(double[] differences) {
        SampleStats s = SampleStats.of(differences);
        if (s.n() < 2) {
            return TestResult.notComputable(METHOD, "needs at least 2 pairs (n = " + s.n() + ")");
        }
        if (s.variance() == 0) {
            return TestResult.notComputable(METHOD, "the paired differences have zero variance");
        }
        TTest.Result r = TEST.test(s.mean(), s.variance(), s.n());
        return TestResult.of(
                METHOD,
                s.n(),
                "t",
                r.getStatistic(),
                r.getDegreesOfFreedom(),
                s.mean(),
                r.getPValue());
    }
}
