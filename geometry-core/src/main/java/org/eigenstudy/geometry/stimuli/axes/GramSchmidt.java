package org.eigenstudy.geometry.stimuli.axes;

import java.util.List;

/** Orthogonalisation in float64 against a set of orthonormal vectors. */
public final class GramSchmidt {
    private GramSchmidt() {}

    /**
     * {@code v} minus its projection on each (unit, mutually orthogonal) basis vector, normalised.
     * Two passes ("twice is enough"), because one pass leaves residues of order ε·‖v‖/‖result‖ when
     * v lies mostly inside the basis span.
     */
    public static double[] orthonormalise(double[] v, List<double[]> basis) {
        double[] r = v.clone();
        for (int pass = 0; pass < 2; pass++) {
            for (double[] b : basis) {
                double dot = dot(r, b);
                for (int i = 0; i < r.length; i++) {
                    r[i] -= dot * b[i];
                }
            }
        }
        double norm = Math.sqrt(dot(r, r));
        if (!(norm > 1e-8)) {
            throw new IllegalArgumentException("vector lies in the span of the basis");
        }
        for (int i = 0; i < r.length; i++) {
            r[i] /= norm;
        }
        return r;
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
