package org.eigenstudy.backend.statistics.mixed;

import java.util.Arrays;

/**
 * Layout of θ, the relative covariance parameters: first the participant term's lower-triangular
 * factor T, column by column as lme4 stores it (for k = 3: T₁₁, T₂₁, T₃₁, T₂₂, T₃₂, T₃₃), then the
 * axis term's single factor. Diagonal elements are bounded below by 0, the others are free; the
 * start is T = I, as lmer's.
 */
final class Theta {

    private Theta() {}

    static int size(int k, int axes) {
        return k * (k + 1) / 2 + (axes > 0 ? 1 : 0);
    }

    static double[] lower(int k, int axes) {
        double[] lower = new double[size(k, axes)];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        for (int i : diagonal(k, axes)) {
            lower[i] = 0;
        }
        return lower;
    }

    static double[] start(int k, int axes) {
        double[] start = new double[size(k, axes)];
        for (int i : diagonal(k, axes)) {
            start[i] = 1;
        }
        return start;
    }

    /** Indices of the diagonal elements (those bounded by 0). */
    static int[] diagonal(int k, int axes) {
        int[] out = new int[k + (axes > 0 ? 1 : 0)];
        int index = 0;
        for (int c = 0; c < k; c++) {
            out[c] = index;
            index += k - c;
        }
        if (axes > 0) {
            out[k] = index;
        }
        return out;
    }

    /** T as a row-major k × k lower-triangular matrix. */
    static double[] participantFactor(double[] theta, int k) {
        double[] t = new double[k * k];
        int index = 0;
        for (int c = 0; c < k; c++) {
            for (int r = c; r < k; r++) {
                t[r * k + c] = theta[index++];
            }
        }
        return t;
    }

    static double axisFactor(double[] theta, int k, int axes) {
        return axes > 0 ? theta[k * (k + 1) / 2] : 0;
    }

    /**
     * Whether a participant-factor diagonal T_cc is below 1e-4 (lme4's singular) with a non-zero
     * entry below it in its column: a face whose other side {@link #offTheFace} reaches.
     */
    static boolean onAFlippableFace(double[] theta, int k, int axes) {
        int[] diagonal = diagonal(k, axes);
        for (int c = 0; c < k; c++) {
            int d = diagonal[c];
            if (theta[d] < 1e-4) {
                for (int below = 1; below < k - c; below++) {
                    if (theta[d + below] != 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A restart point for a fit that ended with participant-factor diagonals T_cc below 1e-4: those
     * diagonals set to 0.1 (the scale of a small relative SD) and the entries below them in their
     * column negated, the other side of the face T_cc = 0 (see LinearMixedModel.fit).
     */
    static double[] offTheFace(double[] theta, int k, int axes) {
        double[] out = theta.clone();
        int[] diagonal = diagonal(k, axes);
        for (int c = 0; c < k; c++) {
            int d = diagonal[c];
            if (out[d] < 1e-4) {
                out[d] = 0.1;
                for (int below = 1; below < k - c; below++) {
                    out[d + below] = -out[d + below];
                }
            }
        }
        return out;
    }

    /** lme4's {@code isSingular(fit, tol = 1e-4)}: a diagonal element of θ below 1e-4. */
    static boolean singular(double[] theta, int k, int axes) {
        for (int i : diagonal(k, axes)) {
            if (theta[i] < 1e-4) {
                return true;
            }
        }
        return false;
    }
}
