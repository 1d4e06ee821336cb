package org.eigenstudy.backend.statistics.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.eigenstudy.backend.statistics.planning.PowerSimulation.ContrastPower;
import org.junit.jupiter.api.Test;

/**
 * Random slopes in the simulation: participants' class effects are drawn with the pilot's fitted
 * covariance, and a large slope variance costs the power analysis says it costs.
 */
class PowerSimulationSlopesTest {

    private static final List<String> LEVELS = List.of("top", "orthogonal", "bottom");

    /**
     * Σ of (intercept, orthogonal − top, bottom − top): positive definite, with a negative
     * intercept–slope covariance, as fits often have (participants high in top rise less).
     */
    private static final double[] SIGMA = {
        9, -3, -6,
        -3, 16, 8,
        -6, 8, 25
    };

    private static PilotModel pilot(double[] means, double[] covariance, int perClass) {
        return new PilotModel(
                false,
                LEVELS,
                means,
                covariance[0],
                4,
                100,
                new int[] {perClass, perClass, perClass},
                covariance);
    }

    @Test
    void choleskyFactorReproducesTheCovarianceAndToleratesASingularOne() {
        double[] l = ParticipantEffects.cholesky(SIGMA, 3);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double s = 0;
                for (int e = 0; e < 3; e++) {
                    s += l[r * 3 + e] * l[c * 3 + e];
                }
                assertEquals(SIGMA[r * 3 + c], s, 1e-12, "(L Lᵀ)[" + r + "][" + c + "]");
                assertTrue(c <= r || l[r * 3 + c] == 0, "lower triangular");
            }
        }
        // Intercept and first slope perfectly correlated: semi-definite, rank 2.
        double[] singular = {4, 6, 0, 6, 9, 0, 0, 0, 1};
        double[] ls = ParticipantEffects.cholesky(singular, 3);
        for (double v : ls) {
            assertTrue(Double.isFinite(v), "no NaN from a zero pivot");
        }
        assertEquals(0, ls[4], 0, "the dependent direction has no variance");
    }

    /**
     * The sample second moments of n drawn coefficient vectors against Σ. Their mean is 0 by
     * construction, so (1/n) Σ b_i b_j estimates Σ_ij with variance (Σ_ii Σ_jj + Σ_ij²) / n for a
     * Gaussian b (Isserlis); each element must be within 4 of those SEs (all six distinct elements
     * together fail about once in 2,500 correct runs; the seed is fixed).
     */
    @Test
    void participantEffectsAreDrawnWithTheFittedCovariance() {
        int n = 40_000;
        ParticipantEffects effects = new ParticipantEffects(pilot(new double[3], SIGMA, 4));
        SplittableRandom rng = new SplittableRandom(17);
        double[] moment = new double[9];
        double[] classVariance = new double[3];
        for (int i = 0; i < n; i++) {
            double[] b = effects.coefficients(rng);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    moment[r * 3 + c] += b[r] * b[c] / n;
                }
                double inClass = b[0] + (r > 0 ? b[r] : 0);
                classVariance[r] += inClass * inClass / n;
            }
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double sigma = SIGMA[r * 3 + c];
                double se = Math.sqrt((SIGMA[r * 3 + r] * SIGMA[c * 3 + c] + sigma * sigma) / n);
                assertEquals(sigma, moment[r * 3 + c], 4 * se, "Σ[" + r + "][" + c + "]");
            }
        }
        // A participant's effect in class c > 0 is intercept + slope c: Σ00 + 2 Σ0c + Σcc.
        for (int c = 0; c < 3; c++) {
            double v = c == 0 ? SIGMA[0] : SIGMA[0] + 2 * SIGMA[c] + SIGMA[c * 3 + c];
            assertEquals(v, classVariance[c], 4 * v * Math.sqrt(2.0 / n), "class " + c);
        }
        // classEffects applies the same rule to the same draws.
        double[] b = effects.coefficients(new SplittableRandom(3));
        double[] e = effects.classEffects(new SplittableRandom(3));
        assertEquals(b[0], e[0]);
        assertEquals(b[0] + b[2], e[2]);
    }

    /**
     * Every participant rates every axis (A = 10, N = 20, σ²_axis = 4, σ² = 100). Without slopes
     * the top − bottom difference of class means has variance 2(σ²_axis + σ²/N)/A = 1.8; a slope
     * variance of 100 for bottom − top adds 100/N = 5, since each participant's own bottom − top
     * difference now varies. Power must fall accordingly: below the power of a z test that knew the
     * total variance 6.8 (the refit's t test, estimating it, cannot do better) by no more than
     * Monte-Carlo noise, and clearly below the intercept-only pilot's.
     */
    @Test
    void aLargeSlopeVarianceLowersPower() {
        int n = 20;
        int axes = 10;
        int s = 200;
        double delta = 3;
        double[] sigma = {9, 0, 0, 0, 25, 0, 0, 0, 100};
        PilotModel slopes = pilot(new double[] {50 + delta, 50, 50}, sigma, axes);
        PowerSimulation.Settings settings =
                new PowerSimulation.Settings(List.of(n), List.of(axes), s, 23L, 0.05);
        PowerSimulation.Cell with = PowerSimulation.run(slopes, settings).get(0);
        PowerSimulation.Cell without = PowerSimulation.run(slopes.withoutSlopes(), settings).get(0);
        ContrastPower w = bottom(with);
        ContrastPower wo = bottom(without);
        double z = new NormalDistribution().inverseCumulativeProbability(0.975);
        double ncp = delta / Math.sqrt(2 * (4 + 100.0 / n) / axes + 100.0 / n);
        double zPower =
                1
                        - new NormalDistribution().cumulativeProbability(z - ncp)
                        + new NormalDistribution().cumulativeProbability(-z - ncp);
        double se = Math.sqrt(zPower * (1 - zPower) / s);
        assertTrue(w.powerUnadjusted() <= zPower + 3.5 * se, w + " above z-test power " + zPower);
        double seDiff =
                Math.sqrt(
                        (w.powerUnadjusted() * (1 - w.powerUnadjusted())
                                        + wo.powerUnadjusted() * (1 - wo.powerUnadjusted()))
                                / s);
        assertTrue(
                w.powerUnadjusted() < wo.powerUnadjusted() - 4 * seDiff,
                "with slopes " + w + ", without " + wo);
        assertEquals(0, without.slopesDropped());
        assertTrue(
                PowerSimulation.estimatedMillis(slopes, settings)
                        > 2 * PowerSimulation.estimatedMillis(slopes.withoutSlopes(), settings),
                "the cost model charges for the slope fits");
        assertTrue(with.failedFits() <= s / 20, with.toString());
    }

    /**
     * A pilot drawn from a model with large slopes is fitted as the headline fits it: the slopes
     * are kept, and their fitted covariance (what the simulation then draws from) is near the
     * truth, within what 80 participants allow (a variance's SE is about √(2/N) of it, plus the
     * residual's share).
     */
    @Test
    void aPilotWithSlopesIsFittedWithThem() {
        PilotModel truth = pilot(new double[] {55, 50, 45}, SIGMA, 10);
        PilotModel fitted =
                PilotModel.fit(SimulatedStudy.draw(truth, 80, 10, new SplittableRandom(5)), false);
        assertTrue(fitted.randomSlopes(), "slopes kept");
        double[] c = fitted.participantCovariance();
        assertEquals(fitted.participantVariance(), c[0]);
        for (int i : new int[] {0, 4, 8}) {
            assertEquals(SIGMA[i], c[i], 0.5 * SIGMA[i] + 3, "variance " + i);
        }
        PowerSimulation.Settings settings =
                new PowerSimulation.Settings(List.of(6), List.of(4), 20, 1L, 0.05);
        PowerReport report =
                PowerReport.of(
                        "magnitude",
                        "magnitude",
                        fitted,
                        80,
                        2400,
                        10,
                        settings,
                        PowerSimulation.run(fitted, settings));
        assertTrue(report.model().contains("(1 + class | participant)"), report.model());
        PowerRun.Pilot stored = PowerRun.of(report, 0, java.time.Instant.EPOCH).pilot();
        assertEquals(c[5], stored.participantCovariance().get(1).get(2));
        assertEquals(c[7], stored.participantCovariance().get(2).get(1));
    }

    private static ContrastPower bottom(PowerSimulation.Cell cell) {
        return cell.contrasts().stream()
                .filter(c -> c.second().equals("bottom"))
                .findFirst()
                .orElseThrow();
    }
}
