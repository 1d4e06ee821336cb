package org.eigenstudy.geometry.distance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class FeatureMapTest {

    /** φ = flatten, to look at what a wrapper feeds its inner map. */
    private static final FeatureMap FLAT =
            new FeatureMap() {
                @Override
                public NDArray apply(NDManager manager, NDArray images, boolean training) {
                    return images.reshape(images.getShape().get(0), -1);
                }

                @Override
                public String name() {
                    return "flat";
                }
            };

    @Test
    void resizeMatchesPyTorchBilinear() {
        // torch 1.13: F.interpolate(arange(12).view(1,1,3,4), size=(5,5), mode="bilinear",
        // align_corners=False) and arange(36).view(1,1,6,6) -> (4,4).
        float[] up = {
            0.0f, 0.7f, 1.5f, 2.3f, 3.0f, 1.6f, 2.3f, 3.1f, 3.9f, 4.6f, 4.0f, 4.7f, 5.5f, 6.3f,
            7.0f, 6.4f, 7.1f, 7.9f, 8.7f, 9.4f, 8.0f, 8.7f, 9.5f, 10.3f, 11.0f
        };
        float[] down = {
            1.75f, 3.25f, 4.75f, 6.25f, 10.75f, 12.25f, 13.75f, 15.25f, 19.75f, 21.25f, 22.75f,
            24.25f, 28.75f, 30.25f, 31.75f, 33.25f
        };
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray a = m.arange(12f).reshape(1, 1, 3, 4);
            assertArrayEquals(up, new Resized(FLAT, 5).apply(m, a, false).toFloatArray(), 1e-5f);
            NDArray b = m.arange(36f).reshape(1, 1, 6, 6);
            assertArrayEquals(down, new Resized(FLAT, 4).apply(m, b, false).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void equalizationRemovesBrightnessAndContrast() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray x = m.randomNormal(new Shape(1, 3, 4, 4));
            NDArray y = x.mul(2.5f).add(0.7f);
            float[] ex = new Equalized(FLAT).apply(m, x, false).toFloatArray();
            float[] ey = new Equalized(FLAT).apply(m, y, false).toFloatArray();
            assertArrayEquals(ex, ey, 1e-5f);
            double mean = 0;
            double sq = 0;
            for (float v : ex) {
                mean += v / ex.length;
                sq += v * v / ex.length;
            }
            assertEquals(0, mean, 1e-6);
            assertEquals(1, sq, 1e-5);
        }
    }

    @Test
    void pixelMseIsAMeanOverValues() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray x = m.zeros(new Shape(1, 2, 2, 2));
            NDArray y = m.ones(new Shape(1, 2, 2, 2)).mul(3f);
            PixelMse mse = new PixelMse();
            NDArray d = mse.apply(m, x, false).sub(mse.apply(m, y, false)).square().sum();
            assertEquals(9.0, d.getFloat(), 1e-6);
        }
    }
}
