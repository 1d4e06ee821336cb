package org.eigenstudy.geometry.stimuli.frames;

import org.eigenstudy.geometry.stimuli.axes.GramSchmidt;
import org.eigenstudy.studyconfig.model.Exploration;

/**
 * The codes of one strip: reference z0 moved by step t along unit direction v. Linear: z0 + t·v.
 * Spherical (generators that normalise their input): v is projected onto the tangent space at z0
 * and z0 rotated by angle t along that great circle, z0·cos t + ‖z0‖·u·sin t, which keeps ‖z0‖.
 */
public final class FramePath {
    private FramePath() {}

    /** {@code frames} evenly spaced steps from −d to +d; the middle one is exactly 0. */
    public static double[] steps(double d, int frames) {
        double[] steps = new double[frames];
        int half = frames / 2;
        for (int f = 0; f < frames; f++) {
            steps[f] = d * (f - half) / half;
        }
        return steps;
    }

    public static double[][] codes(Exploration exploration, double[] z0, double[] v, double[] t) {
        double[][] codes = new double[t.length][];
        for (int f = 0; f < t.length; f++) {
            codes[f] =
                    exploration == Exploration.SPHERICAL
                            ? spherical(z0, v, t[f])
                            : linear(z0, v, t[f]);
        }
        return codes;
    }

    public static double[] linear(double[] z0, double[] v, double t) {
        double[] z = new double[z0.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = z0[i] + t * v[i];
        }
        return z;
    }

    public static double[] spherical(double[] z0, double[] v, double angle) {
        double radius = Math.sqrt(GramSchmidt.dot(z0, z0));
        double along = GramSchmidt.dot(v, z0) / (radius * radius);
        double[] u = new double[z0.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = v[i] - along * z0[i];
        }
        double uNorm = Math.sqrt(GramSchmidt.dot(u, u));
        if (!(uNorm > 1e-12)) {
            throw new IllegalArgumentException(
                    "direction is parallel to the reference code: no tangent to rotate along");
        }
        double c = Math.cos(angle);
        double s = Math.sin(angle) * radius / uNorm;
        double[] z = new double[z0.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = c * z0[i] + s * u[i];
        }
        return z;
    }
}
