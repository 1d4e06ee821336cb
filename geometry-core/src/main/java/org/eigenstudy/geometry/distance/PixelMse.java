package org.eigenstudy.geometry.distance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.eigenstudy.geometry.ndarray.OwnedArrays;

/**
 * Pixel MSE as a feature map: φ(x) = x / √N with N = C·H·W, so ‖φ(x) − φ(y)‖² is the mean (not the
 * sum) of squared differences. For G(z) = Az this gives H = 2AᵀA / N.
 */
public final class PixelMse implements FeatureMap {
    @Override
    public NDArray apply(NDManager manager, NDArray images, boolean training) {
        long batch = images.getShape().get(0);
        long n = images.getShape().size() / batch;
        NDArray scale = OwnedArrays.scalar(manager, (float) Math.sqrt(n));
        return images.reshape(batch, n).div(scale);
    }

    @Override
    public String name() {
        return "mse";
    }
}
