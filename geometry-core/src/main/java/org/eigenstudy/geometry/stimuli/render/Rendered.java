package org.eigenstudy.geometry.stimuli.render;

/** Images [B][C·H·W] and features [B][F] of one batch of codes, as float32 from the engine. */
public record Rendered(float[][] images, float[][] features) {

    /** ‖φ_i − φ_j‖² in float64: the image distance between items i and j. */
    public double distance(int i, int j) {
        return squaredDistance(features[i], features[j]);
    }

    /**
     * ‖a − b‖² in float64 for two feature rows, also of different batches (the step search renders
     * its reference once and compares later batches to it).
     */
    public static double squaredDistance(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double d = (double) a[k] - b[k];
            s += d * d;
        }
        return s;
    }
}
