package org.eigenstudy.backend.statistics.headline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassContrast;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassMean;

/**
 * One measure's mixed model, as the report's headline shows it.
 *
 * @param measure the measure's key ({@code magnitude}, ..., {@code seen_change})
 * @param model "linear mixed model (REML)" or "logistic mixed model (Laplace)"
 * @param formula the model in lme4's syntax, as fitted (after any fallback)
 * @param inference how p and intervals are computed (Satterthwaite t, or asymptotic z)
 * @param conditional true when the rating is only asked after a change was seen
 * @param note what a reader must know to read the numbers (conditional ratings, scales)
 * @param fallbackReason why by-participant random slopes were dropped; null when kept or not tried
 * @param means estimated class means; {@code responseEstimate/Lower/Upper} on the response scale
 * @param contrasts pairwise class differences, Holm-adjusted p (unadjusted intervals)
 * @param effectSizes one per contrast: standardised difference (LMM) or odds ratio (GLMM)
 * @param sensitivity the same model with unseen trials scored as zero (conditional ratings with a
 *     natural zero only)
 * @param unavailable why the model could not be fitted; then every number is null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasureHeadline(
        String measure,
        String title,
        String model,
        String formula,
        String inference,
        boolean conditional,
        String note,
        Long trials,
        Integer participants,
        Integer axes,
        Boolean randomSlopes,
        String fallbackReason,
        Boolean singular,
        List<ClassMean> means,
        List<ClassContrast> contrasts,
        List<EffectSize> effectSizes,
        VarianceComponents variance,
        Double logLik,
        MeasureHeadline sensitivity,
        String unavailable) {

    /**
     * Variance components on the model's scale (logit for the GLMM, which has no residual: its ICCs
     * use π²/3, the logistic distribution's variance).
     *
     * @param participant participants' intercept variance (of the first class, with slopes)
     * @param participantCovariance with random slopes: the k × k covariance, row-major, in class
     *     order (R: {@code VarCorr(fit)$participant}); null without
     * @param iccParticipant participant / (participant + axis + residual)
     * @param iccAxis axis / (participant + axis + residual)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VarianceComponents(
            double participant,
            List<Double> participantCovariance,
            double axis,
            Double residual,
            double iccParticipant,
            double iccAxis) {}

    /**
     * A contrast as an effect size: for the LMM d = estimate / √(σ²_participant + σ²_axis + σ²)
     * with the contrast's interval divided by the same SD; for the GLMM the odds ratio
     * exp(estimate) with the exponentiated interval.
     */
    public record EffectSize(
            String first,
            String second,
            String kind,
            double estimate,
            double lower,
            double upper) {}

    static MeasureHeadline unavailable(
            String measure,
            String title,
            String model,
            boolean conditional,
            String note,
            String why) {
        return new MeasureHeadline(
                measure,
                title,
                model,
                null,
                null,
                conditional,
                note,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                why);
    }

    MeasureHeadline withSensitivity(MeasureHeadline s) {
        return new MeasureHeadline(
                measure,
                title,
                model,
                formula,
                inference,
                conditional,
                note,
                trials,
                participants,
                axes,
                randomSlopes,
                fallbackReason,
                singular,
                means,
                contrasts,
                effectSizes,
                variance,
                logLik,
                s,
                unavailable);
    }
}
