package org.eigenstudy.geometry.stimuli.render;

/** Images [B][C·H·W] and features [B][F] of one batch of codes, as float32 from the engine. */
public record Rendered(float[][] images, float[][] features) {

    /** ‖φ_i − φ_j‖² in float64: the image distance between items i and j. */
    public double distance(int i, int j) {
        float[] a = features[i];
        float[] b = features[j];
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double d = (double) a[k] - b[k];
            s += d * d;
        }
        return s;
    }
}
