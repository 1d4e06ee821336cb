package org.eigenstudy.geometry.distance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A feature map φ: images [B, C, H, W] → features [B, F] such that the image distance is D(x, y) =
 * ‖φ(x) − φ(y)‖². Every metric the engine supports is one of these, which is what makes H = 2JᵀJ.
 */
public interface FeatureMap extends AutoCloseable {

    /** φ of a batch; must be differentiable when {@code training} is true. */
    NDArray apply(NDManager manager, NDArray images, boolean training);

    /** A short label for summaries, e.g. {@code mse} or {@code equalized(lpips-squeeze)}. */
    String name();

    @Override
    default void close() {}
}
