package org.eigenstudy.geometry.stimuli;

import org.eigenstudy.studyconfig.model.DirectionsSpec.LayerRange;

/**
 * W+ codes of a layered edit ({@code stimuli.directions.layers}): a code of the space repeated over
 * the W+ module's layers, and a direction placed in layers [start, end) only, so that reference⁺ +
 * t·v⁺ changes the style input of exactly those layers (layer l is columns [l·dim, (l+1)·dim), the
 * card's {@code wplus} layout). Public for the {@code directions} command's explorer, which renders
 * the same edits before a study exists.
 */
public final class LayeredCodes {
    private LayeredCodes() {}

    /**
     * The code in every layer: with all layers equal the W+ module renders what the space's does.
     */
    public static float[] repeat(float[] code, int layers) {
        float[] out = new float[code.length * layers];
        for (int l = 0; l < layers; l++) {
            System.arraycopy(code, 0, out, l * code.length, code.length);
        }
        return out;
    }

    /**
     * The direction in layers [start, end), zero elsewhere (the other layers keep the reference).
     */
    public static double[] place(double[] direction, int layers, LayerRange range) {
        double[] out = new double[direction.length * layers];
        for (int l = range.start(); l < range.end(); l++) {
            System.arraycopy(direction, 0, out, l * direction.length, direction.length);
        }
        return out;
    }
}
