package org.eigenstudy.backend.statistics.mixed;

import static org.eigenstudy.backend.statistics.mixed.MixedReference.assertClose;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * glmer fits against lme4 1.1-31: {@code glmer(seen ~ class [+ model] + (1 | participant) + (1 |
 * axis), data = d, family = binomial)} (the exact call with its control is in references.csv and in
 * failure messages). β̂ and log-likelihood to 1e-4 relative, the SEs (glmer's finite-difference
 * Hessian against ours) to 1e-3.
 */
class LogisticMixedModelRTest {

    static GlmmFit fit(String dataset) {
        return LogisticMixedModel.fit(MixedReference.seen(dataset));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.eigenstudy.backend.statistics.mixed.MixedReference#datasets")
    void agreesWithGlmer(String dataset) {
        GlmmFit fit = fit(dataset);
        assertClose(dataset, "glmm", "beta", fit.beta(), 1e-4, 1e-2);
        assertClose(dataset, "glmm", "se", fit.standardErrors(), 1e-3, 0);
        assertClose(dataset, "glmm", "logLik", new double[] {fit.logLik()}, 1e-4, 0);
        assertClose(dataset, "glmm", "isSingular", new double[] {fit.singular() ? 1 : 0}, 0, 0);
        double[] theta = MixedReference.values(dataset, "glmm", "theta");
        // One intercept per term: lme4 orders terms by number of levels; compare as a set.
        java.util.Arrays.sort(theta);
        double[] ours = fit.theta();
        java.util.Arrays.sort(ours);
        for (int i = 0; i < theta.length; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(
                    theta[i], ours[i], 1e-4 * Math.max(theta[i], 0.1), dataset + " theta");
        }
    }
}
