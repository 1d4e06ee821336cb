package org.eigenstudy.backend.statistics.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.eigenstudy.backend.statistics.planning.PowerSimulation.ContrastPower;
import org.junit.jupiter.api.Test;

/**
 * The simulation against what its error rate and power must be: α at a null effect, 1 for a huge
 * one, and the exact power of the balanced design's t-test where one exists. Tolerances are 3.5
 * Monte-Carlo SEs, √(p(1 − p)/S), so a correct simulation fails about once in 2,000 runs and the
 * seeds are fixed.
 */
class PowerSimulationTest {

    private static final List<String> LEVELS = List.of("top", "orthogonal", "bottom");

    private static PilotModel linear(double top, double orthogonal, double bottom, int perClass) {
        return new PilotModel(
                false,
                LEVELS,
                new double[] {top, orthogonal, bottom},
                9,
                4,
                100,
                new int[] {perClass, perClass, perClass});
    }

    private static ContrastPower contrast(PowerSimulation.Cell cell, String second) {
        return cell.contrasts().stream()
                .filter(c -> c.second().equals(second))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void sameSeedGivesTheSameNumbersAndAnotherSeedOthers() {
        PilotModel pilot = linear(52, 50, 49, 4);
        PowerSimulation.Settings settings =
                new PowerSimulation.Settings(List.of(6, 10), List.of(5), 40, 7L, 0.05);
        List<PowerSimulation.Cell> first = PowerSimulation.run(pilot, settings);
        List<PowerSimulation.Cell> second = PowerSimulation.run(pilot, settings);
        assertEquals(first, second);
        List<PowerSimulation.Cell> other =
                PowerSimulation.run(
                        pilot,
                        new PowerSimulation.Settings(List.of(6, 10), List.of(5), 40, 8L, 0.05));
        assertNotEquals(first, other);
        // A cell's numbers do not depend on the rest of the grid.
        List<PowerSimulation.Cell> alone =
                PowerSimulation.run(
                        pilot, new PowerSimulation.Settings(List.of(10), List.of(5), 40, 7L, 0.05));
        assertEquals(first.get(1), alone.get(0));
    }

    @Test
    void nullEffectIsDetectedAtRateAlpha() {
        int s = 400;
        PowerSimulation.Cell cell =
                PowerSimulation.run(
                                linear(50, 50, 50, 10),
                                new PowerSimulation.Settings(
                                        List.of(20), List.of(10), s, 11L, 0.05))
                        .get(0);
        assertEquals(0, cell.failedFits());
        double se = Math.sqrt(0.05 * 0.95 / s);
        for (String second : List.of("bottom", "orthogonal")) {
            ContrastPower c = contrast(cell, second);
            assertEquals(0.05, c.powerUnadjusted(), 3.5 * se, second + ": " + c);
            // Holm can only reject less often than the unadjusted test.
            assertTrue(c.power() <= c.powerUnadjusted(), c.toString());
        }
    }

    @Test
    void hugeEffectIsAlwaysDetected() {
        PowerSimulation.Cell cell =
                PowerSimulation.run(
                                linear(80, 50, 40, 6),
                                new PowerSimulation.Settings(List.of(12), List.of(6), 60, 3L, 0.05))
                        .get(0);
        assertEquals(1.0, contrast(cell, "bottom").power());
        assertEquals(1.0, contrast(cell, "orthogonal").power());
    }

    @Test
    void binaryHugeEffectIsAlwaysDetected() {
        PilotModel pilot =
                new PilotModel(
                        true,
                        LEVELS,
                        new double[] {3, 0, -3},
                        0.5,
                        0.2,
                        Double.NaN,
                        new int[] {6, 6, 6});
        PowerSimulation.Cell cell =
                PowerSimulation.run(
                                pilot,
                                new PowerSimulation.Settings(List.of(15), List.of(6), 30, 5L, 0.05))
                        .get(0);
        assertEquals(1.0, contrast(cell, "bottom").power(), cell.toString());
        assertEquals(1.0, contrast(cell, "orthogonal").power(), cell.toString());
    }

    /**
     * Every participant rates every axis once (balanced, crossed): the top − bottom contrast is
     * then the difference of two classes' axis means, each axis mean with variance σ²_axis + σ²/N,
     * and the REML/Satterthwaite test is the exact t-test of the axis-within-class stratum with 3(A
     * − 1) df. Its power is P(|T'| &gt; t_crit) for the noncentral t with noncentrality Δ /
     * √(2(σ²_axis + σ²/N)/A), computed here by integrating over the χ² of the denominator.
     */
    @Test
    void powerOfTheBalancedDesignMatchesTheNoncentralT() {
        int n = 20;
        int axes = 10;
        double delta = 2.8;
        int s = 400;
        PowerSimulation.Cell cell =
                PowerSimulation.run(
                                linear(50 + delta, 50, 50, axes),
                                new PowerSimulation.Settings(
                                        List.of(n), List.of(axes), s, 2L, 0.05))
                        .get(0);
        double ncp = delta / Math.sqrt(2 * (4 + 100.0 / n) / axes);
        double expected = noncentralTPower(ncp, 3 * (axes - 1), 0.05);
        ContrastPower c = contrast(cell, "bottom");
        double se = Math.sqrt(expected * (1 - expected) / s);
        assertEquals(expected, c.powerUnadjusted(), 3.5 * se, c + " against " + expected);
        assertTrue(expected > 0.3 && expected < 0.8, "a power where the test is sensitive");
    }

    /**
     * P(|(Z + ncp) / √(V/df)| &gt; t_{1−α/2, df}), V ~ χ²_df, by the midpoint rule over V's
     * quantiles.
     */
    static double noncentralTPower(double ncp, int df, double alpha) {
        double crit = new TDistribution(df).inverseCumulativeProbability(1 - alpha / 2);
        ChiSquaredDistribution chi = new ChiSquaredDistribution(df);
        NormalDistribution z = new NormalDistribution();
        int steps = 20_000;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            double v = chi.inverseCumulativeProbability((i + 0.5) / steps);
            double c = crit * Math.sqrt(v / df);
            sum += 1 - z.cumulativeProbability(c - ncp) + z.cumulativeProbability(-c - ncp);
        }
        return sum / steps;
    }

    @Test
    void seedsDifferBetweenStudiesAndCells() {
        assertNotEquals(PowerSimulation.seedOf(1, 10, 5, 0), PowerSimulation.seedOf(1, 10, 5, 1));
        assertNotEquals(PowerSimulation.seedOf(1, 10, 5, 0), PowerSimulation.seedOf(1, 5, 10, 0));
        assertEquals(1, PowerSimulation.contrastIndex(3, 0, 2));
    }
}
