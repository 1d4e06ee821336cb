package org.eigenstudy.backend.statistics.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.eigenstudy.backend.statistics.bench.MixedSyntheticStudy;
import org.junit.jupiter.api.Test;

/**
 * A slope fit whose first BOBYQA run stops on the face T_cc = 0 of θ (REML criterion 947018.04,
 * "singular") while the optimum is inside (947008.40): the benchmark study's magnitude with unseen
 * trials scored 0. LinearMixedModel restarts singular slope fits from the other side of the face;
 * without that restart this test fails. The reference is lme4 1.1-31 (R 4.2.2) on the same rows,
 * written by {@code MixedSyntheticStudy.writeCsv}:
 *
 * <pre>
 * d &lt;- read.csv("bench.csv"); d$class &lt;- factor(d$class, levels = c("top", "orthogonal", "bottom"))
 * d$magnitude0 &lt;- ifelse(d$seen == 1, d$magnitude, 0)
 * f &lt;- lmer(magnitude0 ~ class + (1 + class | participant) + (1 | axis), data = d, REML = TRUE,
 *   control = lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-10, maxfun = 1e5)))
 * fixef(f); REMLcrit(f); isSingular(f); sqrt(diag(as.matrix(vcov(f))))
 * </pre>
 */
class LinearMixedModelTest {

    private static final double[] LME4_BETA = {65.5952660785, -8.1073514944, -36.4009886087};
    private static final double[] LME4_SE = {1.5737497874, 2.1968266016, 2.2066861753};
    private static final double LME4_REML_CRITERION = 947008.404576;

    @Test
    void aSlopeFitStoppedOnTheBoundaryIsRestartedAndReachesLme4sOptimum() {
        MixedDesign design =
                new MixedSyntheticStudy(1000, 100, 20, 20210113L).magnitudeUnseenAsZero();
        LmmFit fit = LinearMixedModel.fit(design, true);
        assertFalse(fit.singular(), "lme4's fit is not singular");
        assertEquals(LME4_REML_CRITERION, fit.criterion(), 1e-9 * LME4_REML_CRITERION);
        double[] beta = fit.beta();
        double[] se = fit.standardErrors();
        for (int i = 0; i < beta.length; i++) {
            assertEquals(LME4_BETA[i], beta[i], 1e-6 * Math.abs(LME4_BETA[i]), "beta " + i);
            assertEquals(LME4_SE[i], se[i], 1e-5 * LME4_SE[i], "se " + i);
        }
    }
}
