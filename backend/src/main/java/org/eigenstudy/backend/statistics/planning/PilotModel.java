package org.eigenstudy.backend.statistics.planning;

import java.util.List;
import org.eigenstudy.backend.statistics.mixed.ClassInference;
import org.eigenstudy.backend.statistics.mixed.GlmmFit;
import org.eigenstudy.backend.statistics.mixed.LmmFit;
import org.eigenstudy.backend.statistics.mixed.LogisticMixedModel;
import org.eigenstudy.backend.statistics.mixed.MixedDesign;
import org.eigenstudy.backend.statistics.mixed.RandomEffectsSelection;

/**
 * The parameters a simulated study is drawn from: one mean per axis class (on the link scale: the
 * logit for a binary measure), the variances of participants' and axes' random intercepts and, for
 * a linear model, the residual variance; and how many responses a participant gives per class. When
 * the pilot's linear model keeps by-participant random slopes for class (as the headline's does
 * where the data support them), also their k × k covariance.
 *
 * @param binary true for a logistic model (responses 0/1), false for a linear one
 * @param classLevels the axis classes, reference level first (top, orthogonal, bottom)
 * @param classMeans the estimated marginal mean per class on the link scale
 * @param participantVariance σ²_participant (of the reference class's intercept with slopes)
 * @param axisVariance σ²_axis
 * @param residualVariance σ² (NaN for a logistic model, whose residual is the Bernoulli draw)
 * @param responsesPerClass the mean number of responses a participant gave per class in the pilot,
 *     rounded, at least 1
 * @param participantCovariance null without random slopes; else the covariance of a participant's
 *     (intercept, deviation of class 2, …, deviation of class k) in the class-dummy
 *     parametrisation, row-major k × k (R: {@code VarCorr(fit)$participant}): the participant's
 *     effect in class c &gt; 0 is intercept + deviation c
 */
public record PilotModel(
        boolean binary,
        List<String> classLevels,
        double[] classMeans,
        double participantVariance,
        double axisVariance,
        double residualVariance,
        int[] responsesPerClass,
        double[] participantCovariance) {

    public PilotModel {
        classLevels = List.copyOf(classLevels);
        classMeans = classMeans.clone();
        responsesPerClass = responsesPerClass.clone();
        if (classMeans.length != classLevels.size()
                || responsesPerClass.length != classLevels.size()) {
            throw new IllegalArgumentException("one mean and one response count per class");
        }
        if (participantCovariance != null) {
            int k = classLevels.size();
            if (binary || participantCovariance.length != k * k) {
                throw new IllegalArgumentException(
                        "random slopes: a linear model and a k × k covariance, k = classes");
            }
            participantCovariance = participantCovariance.clone();
        }
    }

    /** A pilot with random intercepts only. */
    public PilotModel(
            boolean binary,
            List<String> classLevels,
            double[] classMeans,
            double participantVariance,
            double axisVariance,
            double residualVariance,
            int[] responsesPerClass) {
        this(
                binary,
                classLevels,
                classMeans,
                participantVariance,
                axisVariance,
                residualVariance,
                responsesPerClass,
                null);
    }

    /** Whether participants' class effects are drawn with the slopes' covariance. */
    public boolean randomSlopes() {
        return participantCovariance != null;
    }

    /** This pilot with its random slopes dropped: the same intercept variance, no slopes. */
    public PilotModel withoutSlopes() {
        return new PilotModel(
                binary,
                classLevels,
                classMeans,
                participantVariance,
                axisVariance,
                residualVariance,
                responsesPerClass);
    }

    /**
     * Fits the pilot with the headline's random effects and takes the class means from
     * emmeans-style marginal means, so several models in the pilot are averaged as the analysis
     * averages them. A linear measure is fitted as the headline fits it ({@link
     * RandomEffectsSelection}: by-participant slopes for class unless that fit is singular, then
     * random intercepts; REML); a binary one with random intercepts (the Laplace GLMM, as in the
     * headline).
     */
    public static PilotModel fit(MixedDesign pilot, boolean binary) {
        ClassInference inference;
        double participant;
        double axis;
        double residual;
        double[] covariance = null;
        if (binary) {
            GlmmFit fit = LogisticMixedModel.fit(pilot.withRandomEffects(false, true));
            inference = ClassInference.of(fit, 0.95);
            participant = fit.participantVariance();
            axis = fit.axisVariance();
            residual = Double.NaN;
        } else {
            boolean slopes = pilot.classLevels().size() > 1;
            RandomEffectsSelection selection =
                    RandomEffectsSelection.fit(pilot.withRandomEffects(slopes, true), true);
            LmmFit fit = selection.fit();
            inference = ClassInference.of(fit, 0.95);
            participant = fit.participantVariance();
            axis = fit.axisVariance();
            residual = fit.residualVariance();
            if (selection.randomSlopes()) {
                covariance = fit.participantCovariance();
            }
        }
        List<String> levels = pilot.classLevels();
        double[] means = new double[levels.size()];
        for (int c = 0; c < means.length; c++) {
            means[c] = inference.means().get(c).estimate();
        }
        return new PilotModel(
                binary,
                levels,
                means,
                participant,
                axis,
                residual,
                responsesPerClass(pilot),
                covariance);
    }

    private static int[] responsesPerClass(MixedDesign design) {
        int classes = design.classLevels().size();
        int[] count = new int[classes];
        boolean[][] answered = new boolean[design.participantLevels().size()][classes];
        for (int i = 0; i < design.observations(); i++) {
            int c = design.classOf(i);
            count[c]++;
            answered[design.participantOf(i)][c] = true;
        }
        int[] out = new int[classes];
        for (int c = 0; c < classes; c++) {
            int participants = 0;
            for (boolean[] a : answered) {
                participants += a[c] ? 1 : 0;
            }
            out[c] = Math.max(1, (int) Math.round(count[c] / (double) Math.max(1, participants)));
        }
        return out;
    }

    /** The difference of two classes' means on the link scale (first − second). */
    public double effect(int first, int second) {
        return classMeans[first] - classMeans[second];
    }
}
