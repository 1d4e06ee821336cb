package org.eigenstudy.geometry.model;

import java.util.Random;
import org.eigenstudy.geometry.GeometryException;

/**
 * How reference codes of a latent space are drawn: {@code normal}, {@code truncated_normal}
 * (resampled beyond {@code threshold}) or {@code sphere} (normal, then scaled to {@code radius}).
 */
public record Prior(String kind, Double threshold, Double radius) {
    public Prior {
        switch (kind) {
            case "normal" -> {}
            case "truncated_normal" -> {
                if (threshold == null || threshold <= 0) {
                    throw new GeometryException("prior truncated_normal needs threshold > 0");
                }
            }
            case "sphere" -> {
                if (radius == null || radius <= 0) {
                    throw new GeometryException("prior sphere needs radius > 0");
                }
            }
            default -> throw new GeometryException("unknown prior kind '" + kind + "'");
        }
    }

    /** Draws one code of dimension {@code dim}. */
    public float[] sample(int dim, Random random) {
        float[] z = new float[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            double v = random.nextGaussian();
            if ("truncated_normal".equals(kind)) {
                while (Math.abs(v) > threshold) {
                    v = random.nextGaussian();
                }
            }
            z[i] = (float) v;
            norm += v * v;
        }
        if ("sphere".equals(kind)) {
            double scale = radius / Math.sqrt(norm);
            for (int i = 0; i < dim; i++) {
                z[i] = (float) (z[i] * scale);
            }
        }
        return z;
    }
}
