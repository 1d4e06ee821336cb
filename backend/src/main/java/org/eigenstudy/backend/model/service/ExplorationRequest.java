package org.eigenstudy.backend.model.service;

import java.util.List;
import java.util.Locale;
import org.eigenstudy.backend.domain.DomainException;

/**
 * What the axis explorer is asked for: a method's first {@code count} candidate directions in one
 * latent space, each walked from one reference code in {@code frames} equal steps up to {@code
 * distance} either side; with {@code layers} [start, end), in those W+ layers only (a study's
 * {@code directions.layers}), else in every layer. The bounds keep one request a few seconds of
 * work on a CPU for the demo and a bounded folder of PNGs for any model.
 */
public record ExplorationRequest(
        String space,
        String method,
        int count,
        int frames,
        double distance,
        long seed,
        List<Integer> layers) {

    static final List<String> METHODS = List.of("hessian", "sefa", "ganspace", "random");

    /** 400 naming the first field out of range. */
    void check(GeneratorModel model) {
        GeneratorModel.Space s =
                model.spaces().stream()
                        .filter(x -> x.name().equals(space))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        DomainException.invalid(
                                                "space must be one of the model's latent spaces "
                                                        + model.spaces().stream()
                                                                .map(GeneratorModel.Space::name)
                                                                .toList()
                                                        + ", got "
                                                        + space,
                                                "space",
                                                "one-of"));
        if (!METHODS.contains(method)) {
            throw DomainException.invalid(
                    "method must be one of " + METHODS + ", got " + method, "method", "one-of");
        }
        if (count < 1 || count > Math.min(12, s.dim())) {
            throw DomainException.invalid(
                    "count must be 1 to " + Math.min(12, s.dim()) + ", got " + count,
                    "count",
                    "range");
        }
        if (frames < 3 || frames > 41 || frames % 2 == 0) {
            throw DomainException.invalid(
                    "frames must be odd, 3 to 41, got " + frames, "frames", "range");
        }
        if (!(distance > 0 && distance <= 50)) {
            throw DomainException.invalid(
                    "distance must be > 0 and <= 50, got " + distance, "distance", "range");
        }
        if (seed < 0) {
            throw DomainException.invalid("seed must be >= 0, got " + seed, "seed", "range");
        }
        if (layers != null) {
            checkLayers(s);
        }
    }

    private void checkLayers(GeneratorModel.Space s) {
        if (s.wplusLayers() == null) {
            throw DomainException.invalid(
                    "layers need a W+ module, and space " + space + " of this model has none",
                    "layers",
                    "no-wplus");
        }
        if (layers.size() != 2
                || layers.contains(null)
                || layers.get(0) < 0
                || layers.get(0) >= layers.get(1)
                || layers.get(1) > s.wplusLayers()) {
            throw DomainException.invalid(
                    "layers must be [start, end] with 0 <= start < end <= "
                            + s.wplusLayers()
                            + " (the W+ layers of space "
                            + space
                            + "), got "
                            + layers,
                    "layers",
                    "range");
        }
    }

    /**
     * Every field, fixed format: with the card and the CLI, what names a cached result (a request
     * without layers keeps the name it had before layers existed).
     */
    String canonical() {
        return String.format(
                        Locale.ROOT,
                        "space=%s method=%s count=%d frames=%d distance=%.17g seed=%d",
                        space,
                        method,
                        count,
                        frames,
                        distance,
                        seed)
                + (layers == null ? "" : " layers=" + layerArgument());
    }

    private String layerArgument() {
        return layers.get(0) + ":" + layers.get(1);
    }

    /** The {@code directions} command's arguments for this request. */
    List<String> arguments(String card, String out) {
        List<String> arguments =
                new java.util.ArrayList<>(
                        List.of(
                                "directions",
                                "--model",
                                card,
                                "--space",
                                space,
                                "--method",
                                method,
                                "--count",
                                Integer.toString(count),
                                "--seed",
                                Long.toString(seed),
                                "--explore-frames",
                                Integer.toString(frames),
                                "--explore-distance",
                                Double.toString(distance),
                                "--out",
                                out));
        if (layers != null) {
            arguments.addAll(List.of("--layers", layerArgument()));
        }
        return arguments;
    }
}
