package org.eigenstudy.backend.statistics.inference;

import java.util.Arrays;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Wilcoxon signed-rank test of paired differences, as R's {@code wilcox.test(x, y, paired = TRUE)}
 * (R 4.2), computed by Apache Commons Statistics' {@link WilcoxonSignedRankTest}. This class adds
 * R's handling of zeros, which the library does not share: zero differences are dropped before
 * ranking, and their presence (like ties, or 50 or more differences) rules out the exact p, so the
 * normal approximation with continuity and ties corrections is used.
 */
public final class SignedRank {

    public static final String EXACT = "Wilcoxon signed rank exact test";
    public static final String NORMAL = "Wilcoxon signed rank test with continuity correction";

    private static final WilcoxonSignedRankTest EXACT_TEST =
            WilcoxonSignedRankTest.withDefaults().with(PValueMethod.EXACT);
    private static final WilcoxonSignedRankTest NORMAL_TEST =
            WilcoxonSignedRankTest.withDefaults()
                    .with(PValueMethod.ASYMPTOTIC)
                    .with(ContinuityCorrection.ENABLED);

    private SignedRank() {}

    public static TestResult test(double[] differences) {
        double[] nonZero = Arrays.stream(differences).filter(d -> d != 0).toArray();
        if (nonZero.length == 0) {
            return TestResult.notComputable(NORMAL, "every paired difference is zero");
        }
        boolean zeroes = nonZero.length < differences.length;
        boolean exact = nonZero.length < 50 && !zeroes && !tiedMagnitudes(nonZero);
        WilcoxonSignedRankTest.Result r = (exact ? EXACT_TEST : NORMAL_TEST).test(nonZero);
        return TestResult.of(
                exact ? EXACT : NORMAL,
                nonZero.length,
                "V",
                r.getStatistic(),
                null,
                null,
                r.getPValue());
    }

    private static boolean tiedMagnitudes(double[] values) {
        double[] m = Arrays.stream(values).map(Math::abs).sorted().toArray();
        for (int i = 1; i < m.length; i++) {
            if (m[i] == m[i - 1]) {
                return true;
            }
        }
        return false;
    }
}
