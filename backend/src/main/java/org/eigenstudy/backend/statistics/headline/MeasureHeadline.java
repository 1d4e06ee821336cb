package org.eigenstudy.backend.statistics.headline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassContrast;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassMean;
import org.eigenstudy.studyconfig.model.AxisClass;

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
 *     <p>{@link #ranking()} (JSON {@code ranking}) orders the classes by their estimated mean.
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

    /**
     * One place in a measure's ranking of the classes (conditions, e.g. direction methods).
     *
     * @param rank 1 = the highest estimated mean on the response scale
     * @param pHolmVsNext the Holm-adjusted p of the contrast with the class ranked next (null for
     *     the last): how firmly this class is ahead of the next
     */
    public record RankedClass(
            int rank,
            String axisClass,
            String method,
            double estimate,
            double lower,
            double upper,
            Double pHolmVsNext) {}

    /**
     * The classes ordered by their estimated mean (response scale), highest first, each with its
     * interval and the Holm-adjusted p of its contrast with the next: the report's ranking of
     * methods per measure. Derived from {@link #means()} and {@link #contrasts()}; null when the
     * model was not fitted.
     */
    @JsonProperty(value = "ranking", access = JsonProperty.Access.READ_ONLY)
    public List<RankedClass> ranking() {
        if (means == null || contrasts == null) {
            return null;
        }
        List<ClassMean> ordered = new java.util.ArrayList<>(means);
        ordered.sort(java.util.Comparator.comparingDouble(ClassMean::responseEstimate).reversed());
        List<RankedClass> out = new java.util.ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            ClassMean m = ordered.get(i);
            Double p = null;
            if (i + 1 < ordered.size()) {
                String next = ordered.get(i + 1).axisClass();
                p =
                        contrasts.stream()
                                .filter(
                                        c ->
                                                (c.first().equals(m.axisClass())
                                                                && c.second().equals(next))
                                                        || (c.first().equals(next)
                                                                && c.second()
                                                                        .equals(m.axisClass())))
                                .map(ClassContrast::pHolm)
                                .findFirst()
                                .orElse(null);
            }
            out.add(
                    new RankedClass(
                            i + 1,
                            m.axisClass(),
                            AxisClass.fromLabel(m.axisClass()).method(),
                            m.responseEstimate(),
                            m.responseLower(),
                            m.responseUpper(),
                            p));
        }
        return out;
    }

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
