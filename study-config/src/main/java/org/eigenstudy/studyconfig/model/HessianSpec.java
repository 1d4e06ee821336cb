package org.eigenstudy.studyconfig.model;

/**
 * How the average metric tensor is estimated: over {@code points} random codes, by {@code method},
 * for image distance {@code distance}; {@code featureMap} is the feature-map card (relative to the
 * YAML file) that implements LPIPS, required exactly when {@code distance} is lpips. {@code
 * epsilon} (finite-difference step, null = the engine's default for the method), {@code equalize}
 * (equalise brightness/contrast before the distance) and {@code resize} (image side before the
 * distance, null = generator resolution) are optional. {@code codes} (relative to the YAML file) is
 * a .npy of the researcher's own latent codes [points, dim] at which the metric is computed instead
 * of {@code points} draws from the prior; null = draws.
 */
public record HessianSpec(
        int points,
        HessianMethod method,
        ImageDistance distance,
        String featureMap,
        Double epsilon,
        boolean equalize,
        Integer resize,
        String codes) {

    public static final HessianSpec DEFAULT =
            new HessianSpec(
                    16, HessianMethod.EXACT, ImageDistance.MSE, null, null, false, null, null);
}
