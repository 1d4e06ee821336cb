package org.eigenstudy.backend.statistics.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished power simulation as the statistics report shows it and the store keeps it: what was
 * asked (grid, simulations, seed, α), when, from which pilot, and the power table. Unlike {@link
 * PowerReport} it has no figure, and no NaN (a logistic pilot's residual variance is null), since
 * it is stored as JSON and reaches the report's JSON.
 *
 * @param measure the measure's key
 * @param ranAt when the simulation finished
 * @param model the model refitted to every simulated study, in lme4's notation
 * @param maxFailedCatchTrials the exclusion rule the pilot's responses were read under
 * @param participants the participant counts simulated, as requested
 * @param axesPerClass the axes per class simulated
 * @param cells the power per grid cell, ordered by axes per class, then participants
 */
public record PowerRun(
        String measure,
        Instant ranAt,
        String model,
        int maxFailedCatchTrials,
        int pilotParticipants,
        int pilotResponses,
        int pilotAxesPerClass,
        Pilot pilot,
        List<Integer> participants,
        List<Integer> axesPerClass,
        int simulations,
        long seed,
        double alpha,
        List<PowerSimulation.Cell> cells) {

    public PowerRun {
        participants = List.copyOf(participants);
        axesPerClass = List.copyOf(axesPerClass);
        cells = List.copyOf(cells);
    }

    /**
     * The pilot's fitted parameters (link scale) the studies were drawn from.
     *
     * @param residualVariance σ²; null for a logistic model
     * @param participantCovariance the by-participant covariance of (top, orthogonal − top, bottom
     *     − top) when the pilot's model keeps random slopes for class; null otherwise
     */
    public record Pilot(
            boolean binary,
            List<String> classLevels,
            List<Double> classMeans,
            double participantVariance,
            double axisVariance,
            Double residualVariance,
            List<Integer> responsesPerClass,
            List<List<Double>> participantCovariance) {}

    /** The run a simulation produced, finished at {@code ranAt}. */
    public static PowerRun of(PowerReport report, int maxFailedCatchTrials, Instant ranAt) {
        List<Integer> participants = new ArrayList<>();
        List<Integer> axes = new ArrayList<>();
        for (PowerSimulation.Cell c : report.cells()) {
            if (!participants.contains(c.participants())) {
                participants.add(c.participants());
            }
            if (!axes.contains(c.axesPerClass())) {
                axes.add(c.axesPerClass());
            }
        }
        return new PowerRun(
                report.measure(),
                ranAt,
                report.model(),
                maxFailedCatchTrials,
                report.pilotParticipants(),
                report.pilotResponses(),
                report.pilotAxesPerClass(),
                pilot(report.pilot()),
                participants,
                axes,
                report.simulations(),
                report.seed(),
                report.alpha(),
                report.cells());
    }

    private static Pilot pilot(PilotModel p) {
        List<Double> means = new ArrayList<>();
        for (double m : p.classMeans()) {
            means.add(m);
        }
        List<Integer> responses = new ArrayList<>();
        for (int r : p.responsesPerClass()) {
            responses.add(r);
        }
        List<List<Double>> covariance = null;
        if (p.randomSlopes()) {
            int k = p.classLevels().size();
            covariance = new ArrayList<>();
            for (int r = 0; r < k; r++) {
                List<Double> row = new ArrayList<>();
                for (int c = 0; c < k; c++) {
                    row.add(p.participantCovariance()[r * k + c]);
                }
                covariance.add(row);
            }
        }
        return new Pilot(
                p.binary(),
                p.classLevels(),
                means,
                p.participantVariance(),
                p.axisVariance(),
                p.binary() ? null : p.residualVariance(),
                responses,
                covariance);
    }
}
