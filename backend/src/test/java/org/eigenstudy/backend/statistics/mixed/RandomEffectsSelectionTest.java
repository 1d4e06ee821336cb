package org.eigenstudy.backend.statistics.mixed;

import static org.eigenstudy.backend.statistics.mixed.MixedReference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The singular-fit fallback, and proof that the R comparisons discriminate: a fit that differs from
 * R's model in one respect (ML for REML, a dropped random effect) fails the 1e-4 tolerance.
 */
class RandomEffectsSelectionTest {

    @Test
    void singularSlopesFallBackToInterceptsWithAReason() {
        // R: isSingular(lmer(magnitude ~ class + (1 + class | participant) + (1 | axis), ...)) is
        // TRUE for the "singular" data set (references.csv, singular/slopes/isSingular).
        assertEquals(1, MixedReference.values("singular", "slopes", "isSingular")[0]);
        RandomEffectsSelection s =
                RandomEffectsSelection.fit(MixedReference.magnitude("singular", true, true), true);
        assertFalse(s.randomSlopes());
        assertTrue(s.fallbackReason().contains("singular"), s.fallbackReason());
        // The fallback is R's intercepts-only fit.
        assertClose("singular", "reml", "beta", s.fit().beta(), 1e-4, 1e-3);
        assertClose("singular", "reml", "se", s.fit().standardErrors(), 1e-4, 0);
    }

    @Test
    void supportedSlopesAreKept() {
        RandomEffectsSelection s =
                RandomEffectsSelection.fit(MixedReference.magnitude("balanced", true, true), true);
        assertTrue(s.randomSlopes());
        assertNull(s.fallbackReason());
        assertClose("balanced", "slopes", "se", s.fit().standardErrors(), 1e-4, 0);
    }

    @Test
    void mlInsteadOfRemlFailsTheComparison() {
        for (String dataset : MixedReference.DATASETS) {
            LmmFit ml = LinearMixedModelRTest.fit(dataset, "ml");
            assertThrows(
                    AssertionFailedError.class,
                    () -> assertClose(dataset, "reml", "se", ml.standardErrors(), 1e-4, 0),
                    dataset);
            assertThrows(
                    AssertionFailedError.class,
                    () ->
                            assertClose(
                                    dataset,
                                    "reml",
                                    "var_participant",
                                    ml.participantCovariance(),
                                    1e-4,
                                    0),
                    dataset);
        }
    }

    @Test
    void droppingTheAxisEffectFailsTheComparisonUnlessItsVarianceIsZero() {
        for (String dataset : new String[] {"balanced", "unbalanced"}) {
            LmmFit withoutAxes = LinearMixedModelRTest.fit(dataset, "participant_only");
            assertThrows(
                    AssertionFailedError.class,
                    () -> assertClose(dataset, "reml", "se", withoutAxes.standardErrors(), 1e-4, 0),
                    dataset);
        }
        // Where R puts the axis variance at 0, the two models are the same model.
        LmmFit withoutAxes = LinearMixedModelRTest.fit("singular", "participant_only");
        assertClose("singular", "reml", "se", withoutAxes.standardErrors(), 1e-4, 0);
    }

    @Test
    void trialLevelRatingsWithoutAxisEffectsUnderstateTheUncertainty() {
        // The reason for the whole package: ignoring axes as a sample makes the class contrast
        // look more precise than it is.
        for (String dataset : new String[] {"balanced", "unbalanced"}) {
            double full = LinearMixedModelRTest.fit(dataset, "reml").standardErrors()[2];
            double without =
                    LinearMixedModelRTest.fit(dataset, "participant_only").standardErrors()[2];
            assertTrue(without < full, dataset + ": " + without + " vs " + full);
        }
    }
}
