package org.eigenstudy.backend.statistics.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The factorisation by class pattern (axes nested in class: the Schur complement and the solve
 * through the small per-participant factors gⱼ, W never formed) against the general block path (W
 * formed and multiplied out) on the same system: both must give the same determinants, residual,
 * fixed effects, conditional modes and Var(β̂).
 */
class CrossedSystemTest {

    @Test
    void patternedAndGeneralPathsAgreeWithSlopesAndUnevenCounts() {
        MixedDesign d = design(true, 7);
        double[] t = {1.3, 0, 0, -0.4, 0.7, 0, 0.2, -0.3, 0.5};
        compare(d, true, null, t, 0.8);
    }

    @Test
    void patternedAndGeneralPathsAgreeForWeightedInterceptsWithoutFixedEffects() {
        // As PIRLS uses them: one participant intercept, weights per row, X as an offset.
        MixedDesign d = design(false, 11);
        double[] w = new double[d.n];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.05 + random.nextDouble() * 0.2;
        }
        compare(d, false, w, new double[] {0.9}, 1.7);
        compare(d, true, w, new double[] {0.9}, 1.7);
    }

    /** 23 participants, 4 axes per class, a random number of trials each (some cells empty). */
    private static MixedDesign design(boolean slopes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        MixedDesign.Builder b = MixedDesign.builder(MixedReference.CLASSES).randomSlopes(slopes);
        for (int j = 0; j < 23; j++) {
            int trials = 8 + random.nextInt(15);
            for (int i = 0; i < trials; i++) {
                int c = random.nextInt(3);
                int axis = c * 4 + random.nextInt(4);
                b.add(
                        "p" + j,
                        "m",
                        "a" + axis,
                        MixedReference.CLASSES.get(c),
                        10 * c + random.nextGaussian() * 3);
            }
        }
        return b.build();
    }

    private static void compare(
            MixedDesign d, boolean withFixed, double[] w, double[] t, double ta) {
        CrossedSystem patterned = new CrossedSystem(d, withFixed, true);
        CrossedSystem general = new CrossedSystem(d, withFixed, false);
        int effects = d.participants * d.k + d.axes;
        double[][] u = new double[2][effects];
        double[][] beta = new double[2][d.p];
        double[] r2 = new double[2];
        CrossedSystem[] systems = {patterned, general};
        for (int s = 0; s < 2; s++) {
            systems[s].accumulate(w, d.y);
            systems[s].factor(t, ta);
            r2[s] = systems[s].solve(u[s], beta[s]);
        }
        assertClose(general.logDetL(), patterned.logDetL(), "log|L|²");
        assertClose(r2[1], r2[0], "r²");
        for (int i = 0; i < effects; i++) {
            assertClose(u[1][i], u[0][i], "u[" + i + "]");
        }
        if (withFixed) {
            assertClose(general.logDetRx(), patterned.logDetRx(), "log|R_X|²");
            double[] vg = general.unscaledCovariance();
            double[] vp = patterned.unscaledCovariance();
            assertNotNull(vp);
            for (int i = 0; i < d.p; i++) {
                assertClose(beta[1][i], beta[0][i], "β[" + i + "]");
            }
            for (int i = 0; i < vg.length; i++) {
                assertClose(vg[i], vp[i], "Var(β̂)[" + i + "]");
            }
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-10 * Math.max(1, Math.abs(expected)), what);
    }
}
