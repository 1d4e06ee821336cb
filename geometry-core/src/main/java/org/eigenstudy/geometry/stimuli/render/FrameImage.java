package org.eigenstudy.geometry.stimuli.render;

import java.awt.image.BufferedImage;

/**
 * Generator output (one image, C×H×W floats in the card's value range) as an 8-bit sRGB picture of
 * the requested size. Resampling is done here in float64 with a fixed filter rather than by Java2D,
 * whose scaling may differ between JDKs and would break byte-identical reruns.
 */
public final class FrameImage {
    private FrameImage() {}

    public static BufferedImage of(
            float[] chw, int channels, int height, int width, double[] range, int size) {
        double[][] planes = new double[channels][];
        for (int c = 0; c < channels; c++) {
            double[] plane = new double[height * width];
            for (int i = 0; i < plane.length; i++) {
                plane[i] = chw[c * height * width + i];
            }
            planes[c] = resample(plane, height, width, size);
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                int r = toByte(planes[0][i], range);
                int g = channels >= 3 ? toByte(planes[1][i], range) : r;
                int b = channels >= 3 ? toByte(planes[2][i], range) : r;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static int toByte(double value, double[] range) {
        double unit = (value - range[0]) / (range[1] - range[0]);
        return (int) Math.max(0, Math.min(255, Math.round(unit * 255)));
    }

    /** Separable resampling of an h×w plane to size×size. */
    static double[] resample(double[] plane, int h, int w, int size) {
        if (h == size && w == size) {
            return plane;
        }
        double[][] wx = weights(w, size);
        double[][] wy = weights(h, size);
        double[] rows = new double[h * size];
        for (int y = 0; y < h; y++) {
            for (int o = 0; o < size; o++) {
                double s = 0;
                for (int x = 0; x < w; x++) {
                    s += wx[o][x] * plane[y * w + x];
                }
                rows[y * size + o] = s;
            }
        }
        double[] out = new double[size * size];
        for (int o = 0; o < size; o++) {
            for (int x = 0; x < size; x++) {
                double s = 0;
                for (int y = 0; y < h; y++) {
                    s += wy[o][y] * rows[y * size + x];
                }
                out[o * size + x] = s;
            }
        }
        return out;
    }

    /**
     * [out][in] weights of a triangle (linear) filter with half-pixel centres, widened by the
     * shrink factor when downsampling so that every input pixel contributes (no aliasing).
     */
    static double[][] weights(int in, int out) {
        double scale = (double) in / out;
        double support = Math.max(1.0, scale);
        double[][] m = new double[out][in];
        for (int o = 0; o < out; o++) {
            double centre = (o + 0.5) * scale - 0.5;
            double total = 0;
            for (int i = 0; i < in; i++) {
                double wgt = Math.max(0, 1 - Math.abs(i - centre) / support);
                m[o][i] = wgt;
                total += wgt;
            }
            if (total == 0) {
                m[o][(int) Math.max(0, Math.min(in - 1, Math.round(centre)))] = 1;
                total = 1;
            }
            for (int i = 0; i < in; i++) {
                m[o][i] /= total;
            }
        }
        return m;
    }
}
