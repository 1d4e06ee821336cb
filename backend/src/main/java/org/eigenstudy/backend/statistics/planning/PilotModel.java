package org.eigenstudy.backend.statistics.planning;

import java.util.List;
import org.eigenstudy.backend.statistics.mixed.ClassInference;
import org.eigenstudy.backend.statistics.mixed.GlmmFit;
import org.eigenstudy.backend.statistics.mixed.LinearMixedModel;
import org.eigenstudy.backend.statistics.mixed.LmmFit;
import org.eigenstudy.backend.statistics.mixed.LogisticMixedModel;
import org.eigenstudy.backend.statistics.mixed.MixedDesign;

/**
 * The parameters a simulated study is drawn from: one mean per axis class (on the link scale: the
 * logit for a binary measure), the variances of participants' and axes' random intercepts and, for
 * a linear model, the residual variance; and how many responses a participant gives per class.
 *
 * @param binary true for a logistic model (responses 0/1), false for a linear one
 * @param classLevels the axis classes, reference level first (top, orthogonal, bottom)
 * @param classMeans the estimated marginal mean per class on the link scale
 * @param participantVariance σ²_participant
 * @param axisVariance σ²_axis
 * @param residualVariance σ² (NaN for a logistic model, whose residual is the Bernoulli draw)
 * @param responsesPerClass the mean number of responses a participant gave per class in the pilot,
 *     rounded, at least 1
 */
public record PilotModel(
        boolean binary,
        List<String> classLevels,
        double[] classMeans,
        double participantVariance,
        double axisVariance,
        double residualVariance,
        int[] responsesPerClass) {

    public PilotModel {
        classLevels = List.copyOf(classLevels);
        classMeans = classMeans.clone();
        responsesPerClass = responsesPerClass.clone();
        if (classMeans.length != classLevels.size()
                || responsesPerClass.length != classLevels.size()) {
            throw new IllegalArgumentException("one mean and one response count per class");
        }
    }

    /**
     * Fits the pilot with random intercepts for participant and axis (REML for a linear model, the
     * Laplace approximation for a binary one) and takes the class means from emmeans-style marginal
     * means, so several models in the pilot are averaged as the analysis averages them.
     */
    public static PilotModel fit(MixedDesign pilot, boolean binary) {
        MixedDesign design = pilot.withRandomEffects(false, true);
        ClassInference inference;
        double participant;
        double axis;
        double residual;
        if (binary) {
            GlmmFit fit = LogisticMixedModel.fit(design);
            inference = ClassInference.of(fit, 0.95);
            participant = fit.participantVariance();
            axis = fit.axisVariance();
            residual = Double.NaN;
        } else {
            LmmFit fit = LinearMixedModel.fit(design, true);
            inference = ClassInference.of(fit, 0.95);
            participant = fit.participantVariance();
            axis = fit.axisVariance();
            residual = fit.residualVariance();
        }
        List<String> levels = design.classLevels();
        double[] means = new double[levels.size()];
        for (int c = 0; c < means.length; c++) {
            means[c] = inference.means().get(c).estimate();
        }
        return new PilotModel(
                binary, levels, means, participant, axis, residual, responsesPerClass(design));
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
