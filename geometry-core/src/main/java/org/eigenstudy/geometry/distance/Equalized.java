package org.eigenstudy.geometry.distance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.eigenstudy.geometry.ndarray.OwnedArrays;

/**
 * Brightness/contrast equalisation (Laine, seed 003) in front of another feature map: each image is
 * shifted and scaled to zero mean and unit population variance over all its values, so a global
 * brightness or contrast change costs nothing. 1e-8 is added to the variance so a flat image stays
 * finite.
 */
public final class Equalized implements FeatureMap {
    static final float VARIANCE_EPSILON = 1e-8f;
    private final FeatureMap inner;

    public Equalized(FeatureMap inner) {
        this.inner = inner;
    }

    @Override
    public NDArray apply(NDManager manager, NDArray images, boolean training) {
        long batch = images.getShape().get(0);
        NDArray flat = images.reshape(batch, -1);
        NDArray centred = flat.sub(flat.mean(new int[] {1}, true));
        NDArray std =
                centred.square()
                        .mean(new int[] {1}, true)
                        .add(OwnedArrays.scalar(manager, VARIANCE_EPSILON))
                        .sqrt();
        return inner.apply(manager, centred.div(std).reshape(images.getShape()), training);
    }

    @Override
    public String name() {
        return "equalized(" + inner.name() + ")";
    }

    @Override
    public void close() {
        inner.close();
    }
}
