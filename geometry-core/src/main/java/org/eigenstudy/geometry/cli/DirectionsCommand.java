package org.eigenstudy.geometry.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.directions.Direction;
import org.eigenstudy.geometry.directions.DirectionSet;
import org.eigenstudy.geometry.directions.GanSpace;
import org.eigenstudy.geometry.directions.ImportedDirections;
import org.eigenstudy.geometry.directions.RandomDirections;
import org.eigenstudy.geometry.directions.Sefa;
import org.eigenstudy.geometry.io.Json;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.LatentSpace;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.geometry.model.ReferenceCodes;
import org.eigenstudy.geometry.stimuli.axes.AxisSelector;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code directions}: one latent-direction method's unit vectors for a model's space, written as
 * {@code directions.npy} (float64 [count, dim]) and {@code directions.json} (method, labels, scores
 * and provenance: the card's SHA-256, the space, and what the method needs to recompute them).
 */
@Command(
        name = "directions",
        mixinStandardHelpOptions = true,
        description = {
            "Latent directions by another method than the metric's eigenvectors: sefa (the first",
            "latent-to-feature weight's AᵀA), ganspace (PCA of W or class codes), random (isotropic",
            "control) or imported (.npy / CSV)."
        })
public final class DirectionsCommand implements Callable<Integer> {

    @Mixin EngineOptions engine;

    @Option(names = "--model", required = true, description = "model-card.json of the generator")
    Path model;

    @Option(
            names = "--space",
            defaultValue = "z",
            description = "latent space name (default: ${DEFAULT-VALUE})")
    String space;

    @Option(names = "--method", required = true, description = "sefa, ganspace, random or imported")
    String method;

    @Option(names = "--count", defaultValue = "10", description = "directions (default: 10)")
    int count;

    @Option(
            names = "--weight",
            description =
                    "sefa: TorchScript name of a latent-to-feature weight (repeat to stack several);"
                            + " default: the module's first weight that maps the code")
    List<String> weights = new ArrayList<>();

    @Option(names = "--file", description = "imported: the .npy or CSV file of directions")
    Path file;

    @Option(names = "--seed", defaultValue = "0", description = "random, ganspace: the seed")
    long seed;

    @Option(
            names = "--samples",
            defaultValue = "10000",
            description = "ganspace: reference codes drawn for the PCA (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(
            names = "--hessian-run",
            description =
                    "a hessian run folder of the same model and space: each direction's"
                            + " α = vᵀHv (image change per unit step under its global_hessian.npy)"
                            + " is written beside it, comparable across methods")
    Path hessianRun;

    @Option(names = "--out", required = true, description = "folder to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        ModelCard card = ModelCard.read(model);
        int dim = card.space(space).dim();
        DirectionSet set =
                switch (method) {
                    case "sefa" -> sefa(card, dim);
                    case "random" -> RandomDirections.draw(dim, positiveCount(), seed);
                    case "ganspace" -> ganspace(card, dim);
                    case "imported" -> {
                        if (file == null) {
                            throw new GeometryException("--method imported needs --file");
                        }
                        yield ImportedDirections.read(file, dim);
                    }
                    default ->
                            throw new GeometryException(
                                    "--method must be sefa, ganspace, random or imported, got "
                                            + method);
                };
        List<Double> alphas = alphas(set, dim);
        Files.createDirectories(out);
        double[] data = new double[set.directions().size() * dim];
        for (int k = 0; k < set.directions().size(); k++) {
            System.arraycopy(set.directions().get(k).vector(), 0, data, k * dim, dim);
        }
        Npy.write(
                out.resolve("directions.npy"),
                new NpyArray(new int[] {set.directions().size(), dim}, data),
                false);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", set.method());
        json.put("card_sha256", card.sha256());
        json.put("space", space);
        json.put("dim", dim);
        json.put("labels", set.directions().stream().map(Direction::label).toList());
        json.put("scores", set.directions().stream().map(Direction::score).toList());
        json.put("provenance", set.provenance());
        if (alphas != null) {
            json.put("alpha", alphas);
            json.put("hessian_run", hessianRun.toString());
        }
        Json.write(out.resolve("directions.json"), json);
        System.out.println(
                set.directions().size() + " " + set.method() + " directions written to " + out);
        return 0;
    }

    /** vᵀHv of each direction under the run's average metric; null without --hessian-run. */
    private List<Double> alphas(DirectionSet set, int dim) {
        if (hessianRun == null) {
            return null;
        }
        NpyArray h = Npy.read(hessianRun.resolve("global_hessian.npy"));
        if (h.data().length != dim * dim) {
            throw new GeometryException(
                    hessianRun
                            + "/global_hessian.npy is not a "
                            + dim
                            + "×"
                            + dim
                            + " metric of this space");
        }
        DMatrixRMaj metric = new DMatrixRMaj(dim, dim, true, h.data());
        return set.directions().stream().map(d -> AxisSelector.alpha(metric, d.vector())).toList();
    }

    private int positiveCount() {
        if (count < 1) {
            throw new GeometryException("--count must be at least 1, got " + count);
        }
        return count;
    }

    private DirectionSet sefa(ModelCard card, int dim) {
        engine.applyThreads();
        try (Generator generator = Generator.open(card, space, engine.deviceChoice())) {
            List<String> names =
                    weights.isEmpty() ? List.of(firstLatentMap(generator, dim)) : weights;
            List<DMatrixRMaj> maps = new ArrayList<>();
            for (String name : names) {
                NpyArray w =
                        generator
                                .parameter(name)
                                .orElseThrow(
                                        () ->
                                                new GeometryException(
                                                        "the "
                                                                + space
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
                        "--count must be between 1 and " + dim + ", got " + count);
            }
            return Sefa.directions(Sefa.stack(maps), count, names);
        }
    }

    /**
     * GANSpace in a space whose reference codes carry structure: PCA of codes drawn as the card
     * says (StyleGAN2's W: mapped z, as GANSpace does; BigGAN's class space: embedding rows). In a
     * space whose codes are isotropic draws every direction is a principal one, so that is refused:
     * GANSpace then needs an early layer's activations, which the exports do not provide yet.
     */
    private DirectionSet ganspace(ModelCard card, int dim) {
        LatentSpace latent = card.space(space);
        if (latent.prior().elementary()) {
            throw new GeometryException(
                    "ganspace needs a space whose codes are not isotropic draws (StyleGAN2's w,"
                            + " BigGAN's class); space "
                            + space
                            + " draws "
                            + latent.prior().kind()
                            + " codes");
        }
        if (samples < 2 * dim || samples > 1_000_000) {
            throw new GeometryException(
                    "--samples must be between " + 2 * dim + " and 1000000, got " + samples);
        }
        if (count < 1 || count > dim) {
            throw new GeometryException("--count must be between 1 and " + dim + ", got " + count);
        }
        engine.applyThreads();
        double[][] codes = new double[samples][];
        java.util.Random random = new java.util.Random(seed);
        try (ReferenceCodes source = ReferenceCodes.open(card, latent, null)) {
            for (int k = 0; k < samples; k++) {
                float[] c = source.draw(random);
                codes[k] = new double[dim];
                for (int i = 0; i < dim; i++) {
                    codes[k][i] = c[i];
                }
            }
        }
        return GanSpace.principal(
                codes, count, Map.of("seed", seed, "codes", latent.prior().kind()));
    }

    /** The first weight, in module order, whose shape maps a code of {@code dim} values. */
    private static String firstLatentMap(Generator generator, int dim) {
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
}
