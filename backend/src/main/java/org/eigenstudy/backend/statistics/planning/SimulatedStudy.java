package org.eigenstudy.backend.statistics.planning;

import java.util.List;
import java.util.SplittableRandom;
import org.eigenstudy.backend.statistics.mixed.MixedDesign;

/**
 * One simulated study: new axes and participants drawn from a {@link PilotModel}'s variances (and
 * its slopes' covariance, {@link ParticipantEffects}), each participant shown a random subset of
 * each class's axes, responses from the pilot's class means (see {@link PowerSimulation} for the
 * model). The design asks for random slopes exactly when the pilot has them, so the refit tries the
 * structure the truth has, as the headline tries it.
 */
final class SimulatedStudy {

    private SimulatedStudy() {}

    /** One study drawn from the pilot's parameters. */
    static MixedDesign draw(PilotModel pilot, int participants, int axes, SplittableRandom rng) {
        List<String> levels = pilot.classLevels();
        int classes = levels.size();
        double sdAxis = Math.sqrt(pilot.axisVariance());
        ParticipantEffects participantEffects = new ParticipantEffects(pilot);
        double sdResidual = pilot.binary() ? 0 : Math.sqrt(pilot.residualVariance());
        double[][] axisEffect = new double[classes][axes];
        String[][] axisId = new String[classes][axes];
        for (int c = 0; c < classes; c++) {
            for (int a = 0; a < axes; a++) {
                axisEffect[c][a] = sdAxis * rng.nextGaussian();
                axisId[c][a] = levels.get(c) + (a + 1);
            }
        }
        MixedDesign.Builder b = MixedDesign.builder(levels).randomSlopes(pilot.randomSlopes());
        int[] order = new int[axes];
        for (int j = 0; j < participants; j++) {
            String participant = "p" + (j + 1);
            double[] pe = participantEffects.classEffects(rng);
            for (int c = 0; c < classes; c++) {
                int shown = Math.min(pilot.responsesPerClass()[c], axes);
                shuffleFirst(order, shown, rng);
                for (int k = 0; k < shown; k++) {
                    int a = order[k];
                    double eta = pilot.classMeans()[c] + pe[c] + axisEffect[c][a];
                    double y =
                            pilot.binary()
                                    ? (rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0)
                                    : eta + sdResidual * rng.nextGaussian();
                    b.add(participant, "m", axisId[c][a], levels.get(c), y);
                }
            }
        }
        return b.build();
    }

    /**
     * Puts a uniformly drawn set of {@code k} distinct indexes 0..n−1 in order[0..k)
     * (Fisher–Yates).
     */
    private static void shuffleFirst(int[] order, int k, SplittableRandom rng) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
