package org.eigenstudy.geometry.stimuli.render;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.model.NoGrad;
import org.eigenstudy.geometry.model.NonFinite;

/** One inference pass of φ∘G that keeps both the images and their features. */
public final class BatchRenderer {
    private BatchRenderer() {}

    public static Rendered render(ImageMetric metric, float[][] codes) {
        try (NDManager manager = metric.generator().newManager();
                NoGrad noGrad = new NoGrad()) {
            NDArray images = metric.generator().forward(manager, manager.create(codes), false);
            NonFinite.check(images, "generator " + metric.generator().card().name());
            NDArray features = metric.featureMap().apply(manager, images, false);
            return new Rendered(rows(images, codes.length), rows(features, codes.length));
        }
    }

    private static float[][] rows(NDArray array, int batch) {
        float[] flat = array.toFloatArray();
        int per = flat.length / batch;
        float[][] rows = new float[batch][per];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(flat, b * per, rows[b], 0, per);
        }
        return rows;
    }
}
