package org.eigenstudy.geometry.directions;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.LatentSpace;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.geometry.model.NoGrad;
import org.eigenstudy.geometry.model.NonFinite;
import org.eigenstudy.geometry.model.ReferenceCodes;
import org.eigenstudy.geometry.model.TorchScript;
import org.eigenstudy.studyconfig.model.DirectionsSpec.LayerRange;

/**
 * SeFa and GANSpace on an exported generator: reading the weights SeFa factorises and drawing the
 * samples GANSpace analyses, as the model card says. The {@code directions} command and the
 * stimulus pipeline both call these, so a study's method axes are the vectors the command writes.
 */
public final class ModelDirections {
    /** Codes per forward pass of a features module (bounds memory; results do not depend on it). */
    static final int FEATURE_BATCH = 256;

    private ModelDirections() {}

    /**
     * SeFa of the stacked latent maps of {@code weights} (TorchScript parameter names); empty = the
     * weights {@link #sefaDefault} picks for the generator's space and {@code layers} (null: all).
     */
    public static DirectionSet sefa(
            Generator generator, List<String> weights, LayerRange layers, int count) {
        int dim = generator.dim();
        List<String> names =
                weights.isEmpty() ? sefaDefault(generator, layers) : List.copyOf(weights);
        List<org.ejml.data.DMatrixRMaj> maps = new ArrayList<>();
        for (String name : names) {
            NpyArray w =
                    generator
                            .parameter(name)
                            .orElseThrow(
                                    () ->
                                            new GeometryException(
                                                    "the "
                                                            + generator.space().name()
                                                            + " module has no weight "
                                                            + name));
            try {
                maps.add(Sefa.latentMap(w.shape(), w.data(), dim, name));
            } catch (IllegalArgumentException e) {
                throw new GeometryException(e.getMessage());
            }
        }
        if (count < 1 || count > dim) {
            throw new GeometryException(
                    "SeFa gives 1 to " + dim + " directions here, not " + count);
        }
        return Sefa.directions(Sefa.stack(maps), count, names);
    }

    /**
     * The weights SeFa factorises when none are named. For StyleGAN's W, SeFa's A stacks the style
     * affines of the chosen synthesis layers (all, or {@code layers}), which the card's {@code
     * wplus.styles} names; elsewhere A is the first weight that maps the code (PGGAN's and BigGAN's
     * first linear or transposed-convolution layer). A W+ card without styles is refused, because
     * its module's first latent-sized weight is a mapping layer, which never sees a W code. {@code
     * layers} must fit the space's W+ module: the study check (SpecValidator) and the {@code
     * directions} command's {@code --layers} check it first.
     */
    public static List<String> sefaDefault(Generator generator, LayerRange layers) {
        LatentSpace space = generator.space();
        LatentSpace.WPlus wplus = space.wplus();
        if (wplus == null) {
            return List.of(firstLatentMap(generator, generator.dim()));
        }
        if (wplus.styles().isEmpty()) {
            throw new GeometryException(
                    "the model card's space "
                            + space.name()
                            + " has a W+ module but no wplus.styles (exported before SeFa used"
                            + " them): re-export the model, or name SeFa's weights"
                            + " (directions.sefa_weights, --weight)");
        }
        List<List<String>> chosen =
                layers == null
                        ? wplus.styles()
                        : wplus.styles().subList(layers.start(), layers.end());
        return chosen.stream().flatMap(List::stream).toList();
    }

    /** The first weight, in module order, whose shape maps a code of {@code dim} values. */
    public static String firstLatentMap(Generator generator, int dim) {
        for (String name : generator.parameterNames()) {
            if (!name.endsWith("weight")) {
                continue;
            }
            NpyArray w = generator.parameter(name).orElseThrow();
            int[] s = w.shape();
            if ((s.length == 2 && s[1] == dim) || (s.length == 4 && s[0] == dim)) {
                return name;
            }
        }
        throw new GeometryException(
                "no weight of the module maps a " + dim + "-d code; name one with --weight");
    }

    /**
     * Why GANSpace cannot run in {@code space}, or empty when it can: codes with structure (W,
     * class rows) are analysed directly, isotropic codes need the card's features module, since
     * every direction of an isotropic draw is a principal one.
     */
    public static Optional<String> ganspaceUnavailable(ModelCard card, LatentSpace space) {
        if (!space.prior().elementary() || space.features() != null) {
            return Optional.empty();
        }
        return Optional.of(
                "model card "
                        + card.name()
                        + " space "
                        + space.name()
                        + " draws "
                        + space.prior().kind()
                        + " codes, so GANSpace needs an early layer's activations, and the card"
                        + " names no features module (spaces[].features, a TorchScript file mapping"
                        + " codes to the activations)");
    }

    /** The fewest samples a PCA over codes of {@code dim} values is drawn from. */
    public static int minimumSamples(int dim) {
        return 2 * dim;
    }

    /**
     * GANSpace's top {@code count} directions from {@code samples} codes drawn with {@code random}
     * as the card says: PCA of the codes themselves where they carry structure (StyleGAN2's W =
     * mapped z, BigGAN's class rows), else PCA of the features module's activations regressed back
     * to the codes. {@code drawn} is added to the provenance (how the random stream was seeded).
     */
    public static DirectionSet ganspace(
            ModelCard card,
            LatentSpace space,
            int samples,
            int count,
            Random random,
            DeviceChoice device,
            Map<String, Object> drawn) {
        ganspaceUnavailable(card, space)
                .ifPresent(
                        reason -> {
                            throw new GeometryException(reason);
                        });
        int dim = space.dim();
        if (samples < minimumSamples(dim) || samples > 1_000_000) {
            throw new GeometryException(
                    "GANSpace needs between "
                            + minimumSamples(dim)
                            + " and 1000000 samples here, got "
                            + samples);
        }
        if (count < 1 || count > dim) {
            throw new GeometryException(
                    "GANSpace gives 1 to " + dim + " directions here, not " + count);
        }
        double[][] codes = new double[samples][];
        float[][] drawnCodes = new float[samples][];
        try (ReferenceCodes source = ReferenceCodes.open(card, space, null)) {
            for (int k = 0; k < samples; k++) {
                drawnCodes[k] = source.draw(random);
                codes[k] = widen(drawnCodes[k]);
            }
        }
        Map<String, Object> provenance = new LinkedHashMap<>(drawn);
        provenance.put("codes", space.prior().kind());
        if (!space.prior().elementary()) {
            return GanSpace.principal(codes, count, provenance);
        }
        provenance.put("features", space.features());
        double[][] features = features(card, space, drawnCodes, device);
        return GanSpace.regressed(codes, features, count, provenance);
    }

    /** The features module's activations for each code, in batches, widened to float64. */
    static double[][] features(
            ModelCard card, LatentSpace space, float[][] codes, DeviceChoice device) {
        double[][] out = new double[codes.length][];
        try (TorchScript module = TorchScript.load(card.file(space.features()), device.resolve())) {
            for (int from = 0; from < codes.length; from += FEATURE_BATCH) {
                int to = Math.min(codes.length, from + FEATURE_BATCH);
                float[][] batch = java.util.Arrays.copyOfRange(codes, from, to);
                try (NDManager manager = module.manager().newSubManager();
                        NoGrad noGrad = new NoGrad()) {
                    NDArray y = module.forward(manager, manager.create(batch), false);
                    NonFinite.check(y, "features module " + space.features());
                    float[] flat = y.toFloatArray();
                    if (y.getShape().dimension() != 2 || y.getShape().get(0) != batch.length) {
                        throw new GeometryException(
                                "features module "
                                        + space.features()
                                        + " must return [codes, features], got "
                                        + y.getShape());
                    }
                    int per = flat.length / batch.length;
                    for (int b = 0; b < batch.length; b++) {
                        double[] row = new double[per];
                        for (int i = 0; i < per; i++) {
                            row[i] = flat[b * per + i];
                        }
                        out[from + b] = row;
                    }
                }
            }
        }
        return out;
    }

    private static double[] widen(float[] c) {
        double[] d = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            d[i] = c[i];
        }
        return d;
    }
}
