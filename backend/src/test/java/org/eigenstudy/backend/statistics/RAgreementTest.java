package org.eigenstudy.backend.statistics;

import static org.eigenstudy.backend.statistics.RReference.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.eigenstudy.backend.statistics.inference.Holm;
import org.eigenstudy.backend.statistics.inference.Interval;
import org.eigenstudy.backend.statistics.inference.MannWhitney;
import org.eigenstudy.backend.statistics.inference.PairedT;
import org.eigenstudy.backend.statistics.inference.Proportions;
import org.eigenstudy.backend.statistics.inference.SampleStats;
import org.eigenstudy.backend.statistics.inference.SignedRank;
import org.eigenstudy.backend.statistics.inference.Spearman;
import org.eigenstudy.backend.statistics.inference.TestResult;
import org.eigenstudy.backend.statistics.inference.TwoSampleTests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every test against R 4.2.2 to 1e-8 relative. The reference values come from
 * src/test/resources/statistics/reference.R, which calls exactly:
 *
 * <ul>
 *   <li>{@code t.test(x, y, var.equal = TRUE)} and {@code t.test(x, y, var.equal = FALSE)}
 *   <li>{@code wilcox.test(x, y)} (rank sum) and {@code wilcox.test(d)} (signed rank of paired
 *       differences, the same as {@code wilcox.test(x, y, paired = TRUE)}); {@code t.test(d)}
 *   <li>{@code prop.test(c(x1, x2), c(n1, n2), correct = FALSE / TRUE)}, {@code prop.test(x, n,
 *       correct = FALSE)$conf.int} (Wilson), {@code chisq.test(m, correct = FALSE / TRUE)}, {@code
 *       fisher.test(m)}
 *   <li>{@code cor.test(x, y, method = "spearman", exact = FALSE)}
 *   <li>{@code p.adjust(p, method = "holm")}
 * </ul>
 */
class RAgreementTest {

    private static final RReference R = new RReference();

    @ParameterizedTest
    @ValueSource(strings = {"ratings", "small", "magnitude", "shared"})
    void tTestsAndRankSumMatchR(String c) {
        double[] x = R.sample(c, "x");
        double[] y = R.sample(c, "y");
        SampleStats a = SampleStats.of(x);
        SampleStats b = SampleStats.of(y);
        TestResult student = TwoSampleTests.student(a, b);
        assertRelative(R.value(c, "student.t"), student.statistic(), c + " Student t");
        assertRelative(R.value(c, "student.df"), student.df(), c + " Student df");
        assertRelative(R.value(c, "student.p"), student.p(), c + " Student p");
        TestResult welch = TwoSampleTests.welch(a, b);
        assertRelative(R.value(c, "welch.t"), welch.statistic(), c + " Welch t");
        assertRelative(R.value(c, "welch.df"), welch.df(), c + " Welch df");
        assertRelative(R.value(c, "welch.p"), welch.p(), c + " Welch p");

        Arrays.sort(x);
        Arrays.sort(y);
        TestResult mw = MannWhitney.testSorted(x, x.length, y, y.length);
        assertRelative(R.value(c, "wilcox.W"), mw.statistic(), c + " W");
        assertRelative(R.value(c, "wilcox.p"), mw.p(), c + " Mann-Whitney p");
        assertEquals(R.value(c, "wilcox.exact") == 1, mw.method().contains("exact"), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"paired_small", "paired_ties"})
    void pairedTestsMatchR(String c) {
        double[] d = R.sample(c, "d");
        TestResult t = PairedT.test(d);
        assertRelative(R.value(c, "paired.t"), t.statistic(), c + " paired t");
        assertRelative(R.value(c, "paired.df"), t.df(), c + " paired df");
        assertRelative(R.value(c, "paired.p"), t.p(), c + " paired p");
        TestResult v = SignedRank.test(d);
        assertRelative(R.value(c, "signrank.V"), v.statistic(), c + " V");
        assertRelative(R.value(c, "signrank.p"), v.p(), c + " signed-rank p");
        assertEquals(R.value(c, "signrank.exact") == 1, v.method().contains("exact"), c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"paper_top_bottom", "close", "tiny", "extreme"})
    void proportionTestsMatchR(String c) {
        double[] k = R.sample(c, "counts");
        long x1 = (long) k[0];
        long n1 = (long) k[1];
        long x2 = (long) k[2];
        long n2 = (long) k[3];
        TestResult plain = Proportions.chiSquare(x1, n1, x2, n2, false);
        TestResult yates = Proportions.chiSquare(x1, n1, x2, n2, true);
        for (String prefix : new String[] {"prop.", "chisq."}) {
            assertRelative(R.value(c, prefix + "X2"), plain.statistic(), c + " " + prefix + "X2");
            assertRelative(R.value(c, prefix + "p"), plain.p(), c + " " + prefix + "p");
            assertRelative(
                    R.value(c, prefix + "yates.X2"), yates.statistic(), c + " " + prefix + "yates");
            assertRelative(R.value(c, prefix + "yates.p"), yates.p(), c + " " + prefix + "yates p");
        }
        assertRelative(
                R.value(c, "fisher.p"), Proportions.fisher(x1, n1, x2, n2).p(), c + " Fisher");
        Interval w = Proportions.wilson(x1, n1, 0.95);
        assertRelative(R.value(c, "wilson.low"), w.low(), c + " Wilson low");
        assertRelative(R.value(c, "wilson.high"), w.high(), c + " Wilson high");
    }

    @ParameterizedTest
    @ValueSource(strings = {"magnitude_rank", "seen_logeig", "weak"})
    void spearmanMatchesR(String c) {
        double[] x = R.sample(c, "x");
        double[] y = R.sample(c, "y");
        TestResult s = Spearman.test(x, y, x.length);
        assertRelative(R.value(c, "rho"), s.estimate(), c + " rho");
        assertRelative(R.value(c, "S"), s.statistic(), c + " S");
        assertRelative(R.value(c, "p"), s.p(), c + " p");
    }

    @org.junit.jupiter.api.Test
    void holmMatchesR() {
        double[] adjusted = Holm.adjust(R.sample("holm", "p"));
        double[] expected = R.values("holm", "adjusted");
        for (int i = 0; i < expected.length; i++) {
            assertRelative(expected[i], adjusted[i], "Holm " + i);
        }
    }
}
