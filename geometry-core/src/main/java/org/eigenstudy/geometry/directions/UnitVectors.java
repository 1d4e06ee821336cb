package org.eigenstudy.geometry.directions;

/** Norms and normalisation shared by the methods; a zero or non-finite vector is refused. */
final class UnitVectors {

    private UnitVectors() {}

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** {@code v / |v|}; {@code what} names the vector in the refusal. */
    static double[] normalised(double[] v, String what) {
        double n = norm(v);
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException(
                    what + " has no direction (its length is " + n + ")");
        }
        double[] u = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = v[i] / n;
        }
        return u;
    }
}
