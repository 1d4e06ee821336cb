package org.eigenstudy.backend.statistics.mixed;

/**
 * The random-effects structure actually used for a linear mixed model, chosen as lme4 users do
 * (Barr et al. 2013: the maximal structure the design justifies, simplified when the fit says the
 * data do not support it): by-participant random slopes for class are tried first; when that fit is
 * singular (lme4's {@code isSingular}: a variance at 0 or a correlation at ±1, so the slopes are
 * not estimable) or cannot be computed, the model is refitted with random intercepts only and the
 * reason is recorded.
 *
 * @param fit the fit to report
 * @param randomSlopes whether {@code fit} has by-participant random slopes
 * @param fallbackReason null when the requested structure was kept, otherwise why it was not
 */
public record RandomEffectsSelection(LmmFit fit, boolean randomSlopes, String fallbackReason) {

    /**
     * Fits {@code design} as given; when it has random slopes and their fit is singular or fails,
     * refits with (1 | participant) and says why.
     */
    public static RandomEffectsSelection fit(MixedDesign design, boolean reml) {
        if (!design.randomSlopes()) {
            return new RandomEffectsSelection(LinearMixedModel.fit(design, reml), false, null);
        }
        String reason;
        try {
            LmmFit slopes = LinearMixedModel.fit(design, reml);
            if (!slopes.singular()) {
                return new RandomEffectsSelection(slopes, true, null);
            }
            reason =
                    "the fit with by-participant random slopes for class, (1 + class | participant),"
                            + " is singular (a variance component at 0; lme4's isSingular): the data"
                            + " do not support the slopes, so the model uses (1 | participant)";
        } catch (IllegalStateException e) {
            reason =
                    "the fit with by-participant random slopes for class could not be computed ("
                            + e.getMessage()
                            + "), so the model uses (1 | participant)";
        }
        MixedDesign intercepts = design.withRandomEffects(false, design.axisIntercepts());
        return new RandomEffectsSelection(LinearMixedModel.fit(intercepts, reml), false, reason);
    }
}
