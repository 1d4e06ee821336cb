package org.eigenstudy.geometry.distance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.eigenstudy.geometry.ndarray.OwnedArrays;

/**
 * Resizes images to {@code size}×{@code size} before another feature map (the paper resized
 * StyleGAN2 output to 256 for LPIPS). Bilinear with half-pixel centres and no antialiasing, i.e.
 * PyTorch's {@code interpolate(mode="bilinear", align_corners=False)}; written as two matrix
 * products so it is differentiable twice through any engine op.
 */
public final class Resized implements FeatureMap {
    private final FeatureMap inner;
    private final int size;

    public Resized(FeatureMap inner, int size) {
        this.inner = inner;
        this.size = size;
    }

    @Override
    public NDArray apply(NDManager manager, NDArray images, boolean training) {
        int h = (int) images.getShape().get(2);
        int w = (int) images.getShape().get(3);
        if (h == size && w == size) {
            return inner.apply(manager, images, training);
        }
        NDArray rw = OwnedArrays.of(manager, weights(w, size)).toDevice(images.getDevice(), false);
        NDArray rh = OwnedArrays.of(manager, weights(h, size)).toDevice(images.getDevice(), false);
        // [B,C,H,W]·Rwᵀ → [B,C,H,s]; transpose, ·Rhᵀ → [B,C,s,s] after transposing back.
        NDArray cols = images.matMul(rw.transpose());
        NDArray rows = cols.transpose(0, 1, 3, 2).matMul(rh.transpose()).transpose(0, 1, 3, 2);
        return inner.apply(manager, rows, training);
    }

    /** The [out, in] interpolation matrix of one axis. */
    static float[][] weights(int in, int out) {
        float[][] m = new float[out][in];
        double scale = (double) in / out;
        for (int o = 0; o < out; o++) {
            double src = Math.max((o + 0.5) * scale - 0.5, 0);
            int i0 = Math.min((int) Math.floor(src), in - 1);
            int i1 = Math.min(i0 + 1, in - 1);
            double frac = src - i0;
            m[o][i0] += (float) (1 - frac);
            m[o][i1] += (float) frac;
        }
        return m;
    }

    @Override
    public String name() {
        return inner.name() + "@" + size;
    }

    @Override
    public void close() {
        inner.close();
    }
}
