package org.eigenstudy.backend.statistics.planning;

import java.util.SplittableRandom;

/**
 * A simulated participant's random effects, drawn as the pilot's model says they vary. Without
 * random slopes one intercept ~ N(0, σ²_participant) shifts every class alike. With slopes the
 * coefficients b = (intercept, deviation of class 2, …, deviation of class k) ~ N(0, Σ), Σ the
 * pilot's fitted participant covariance, drawn as L z with L Lᵀ = Σ (Cholesky) and z standard
 * normal; the effect in class c &gt; 0 is then b₀ + b_c, as in the design matrix lme4 builds for
 * {@code (1 + class | participant)}.
 */
final class ParticipantEffects {

    private final int k;
    private final double sdIntercept;
    private final double[] factor;

    ParticipantEffects(PilotModel pilot) {
        this.k = pilot.classLevels().size();
        this.sdIntercept = Math.sqrt(pilot.participantVariance());
        this.factor = pilot.randomSlopes() ? cholesky(pilot.participantCovariance(), k) : null;
    }

    /** The coefficients b (k with slopes; one, the intercept, without). */
    double[] coefficients(SplittableRandom rng) {
        if (factor == null) {
            // One draw, as before slopes were simulated: intercept-only pilots keep their numbers.
            return new double[] {sdIntercept * rng.nextGaussian()};
        }
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = rng.nextGaussian();
        }
        double[] b = new double[k];
        for (int r = 0; r < k; r++) {
            double s = 0;
            for (int c = 0; c <= r; c++) {
                s += factor[r * k + c] * z[c];
            }
            b[r] = s;
        }
        return b;
    }

    /** The participant's effect in each class, from freshly drawn coefficients. */
    double[] classEffects(SplittableRandom rng) {
        double[] b = coefficients(rng);
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            out[c] = b[0] + (b.length > 1 && c > 0 ? b[c] : 0);
        }
        return out;
    }

    /**
     * The lower-triangular L with L Lᵀ = a (row-major k × k). A covariance at the edge of positive
     * semi-definite (a fitted correlation of ±1 that passed as non-singular, rounding) gets a zero
     * pivot and a zero column instead of a NaN: that direction then has no variance, as fitted.
     */
    static double[] cholesky(double[] a, int k) {
        double[] l = new double[k * k];
        for (int j = 0; j < k; j++) {
            double d = a[j * k + j];
            for (int m = 0; m < j; m++) {
                d -= l[j * k + m] * l[j * k + m];
            }
            if (d <= 1e-12 * Math.max(1e-300, Math.abs(a[j * k + j]))) {
                continue;
            }
            double pivot = Math.sqrt(d);
            l[j * k + j] = pivot;
            for (int i = j + 1; i < k; i++) {
                double s = a[i * k + j];
                for (int m = 0; m < j; m++) {
                    s -= l[i * k + m] * l[j * k + m];
                }
                l[i * k + j] = s / pivot;
            }
        }
        return l;
    }
}
