package org.eigenstudy.geometry.distance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.NonFinite;

/**
 * φ∘G: the map whose Jacobian J defines the metric H = 2JᵀJ. Owns neither part; close them
 * yourself.
 */
public final class ImageMetric {
    private final Generator generator;
    private final FeatureMap featureMap;

    public ImageMetric(Generator generator, FeatureMap featureMap) {
        this.generator = generator;
        this.featureMap = featureMap;
    }

    /** Features [B, F] of codes [B, dim]; fails on NaN/Inf images. */
    public NDArray features(NDManager manager, NDArray z, boolean training) {
        NDArray images = generator.forward(manager, z, training);
        NonFinite.check(images, "generator " + generator.card().name());
        return featureMap.apply(manager, images, training);
    }

    public Generator generator() {
        return generator;
    }

    public FeatureMap featureMap() {
        return featureMap;
    }

    public int dim() {
        return generator.dim();
    }
}
