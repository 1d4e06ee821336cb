package org.eigenstudy.geometry.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import org.eigenstudy.geometry.GeometryException;

/**
 * How reference codes of a latent space are drawn, as the model card says:
 *
 * <ul>
 *   <li>{@code normal}, {@code truncated_normal} (resampled beyond {@code threshold}), {@code
 *       sphere} (normal, then scaled to {@code radius}): drawn here ({@link #sample});
 *   <li>{@code mapped}: a code of the {@code input} prior ({@code inputDim} values) put through the
 *       TorchScript {@code module}, as StyleGAN2's W codes are mapped z;
 *   <li>{@code rows}: a uniformly chosen row of the {@code file} table ([rows, dim] .npy), as
 *       BigGAN's class codes are rows of its class-embedding table;
 *   <li>{@code components}: each component of a composite space drawn by its own prior.
 * </ul>
 *
 * The last three need the model's files: {@link ReferenceCodes} draws every kind.
 */
public record Prior(
        String kind,
        Double threshold,
        Double radius,
        String module,
        Integer inputDim,
        Prior input,
        String file) {

    public Prior {
        switch (kind) {
            case "normal", "components" -> {}
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
            case "mapped" -> {
                if (module == null || inputDim == null || inputDim < 1 || input == null) {
                    throw new GeometryException("prior mapped needs module and input {dim, prior}");
                }
            }
            case "rows" -> {
                if (file == null) {
                    throw new GeometryException("prior rows needs file");
                }
            }
            default -> throw new GeometryException("unknown prior kind '" + kind + "'");
        }
    }

    /** One of the kinds drawn without the model's files. */
    public static Prior of(String kind, Double threshold, Double radius) {
        return new Prior(kind, threshold, radius, null, null, null, null);
    }

    /** The {@code prior} object of a card ({@code normal} when absent); {@code where} names it. */
    static Prior parse(JsonNode p, String where) {
        try {
            String kind = p.path("kind").asText("normal");
            JsonNode input = p.path("input");
            return new Prior(
                    kind,
                    p.hasNonNull("threshold") ? p.get("threshold").asDouble() : null,
                    p.hasNonNull("radius") ? p.get("radius").asDouble() : null,
                    p.hasNonNull("module") ? p.get("module").asText() : null,
                    input.hasNonNull("dim") ? input.get("dim").asInt() : null,
                    input.has("prior") ? parse(input.get("prior"), where + " input") : null,
                    p.hasNonNull("file") ? p.get("file").asText() : null);
        } catch (GeometryException e) {
            throw new GeometryException(where + ": " + e.getMessage());
        }
    }

    /** Whether {@link #sample} can draw it (no model file needed). */
    public boolean elementary() {
        return kind.equals("normal") || kind.equals("truncated_normal") || kind.equals("sphere");
    }

    /**
     * This prior with its normal draws truncated at {@code t} standard deviations (a study's {@code
     * reference_prior.truncation}): a sphere keeps its radius, a table its rows, a mapped prior
     * truncates its input.
     */
    public Prior truncatedAt(Double t) {
        if (t == null) {
            return this;
        }
        return switch (kind) {
            case "normal" -> of("truncated_normal", t, null);
            case "truncated_normal" -> of("truncated_normal", Math.min(threshold, t), null);
            case "mapped" ->
                    new Prior(kind, null, null, module, inputDim, input.truncatedAt(t), null);
            default -> this;
        };
    }

    /** Draws one code of dimension {@code dim} from an {@link #elementary} prior. */
    public float[] sample(int dim, Random random) {
        if (!elementary()) {
            throw new IllegalStateException(
                    "prior " + kind + " needs the model's files; draw with ReferenceCodes");
        }
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
