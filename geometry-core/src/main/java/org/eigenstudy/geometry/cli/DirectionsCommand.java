package org.eigenstudy.geometry.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.geometry.directions.Direction;
import org.eigenstudy.geometry.directions.DirectionSet;
import org.eigenstudy.geometry.directions.ExplorerStrips;
import org.eigenstudy.geometry.directions.ImportedDirections;
import org.eigenstudy.geometry.directions.ModelDirections;
import org.eigenstudy.geometry.directions.RandomDirections;
import org.eigenstudy.geometry.distance.FeatureMap;
import org.eigenstudy.geometry.distance.FeatureMaps;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.hessian.ExactHessian;
import org.eigenstudy.geometry.io.Json;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.LatentSpace;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.geometry.model.ReferenceCodes;
import org.eigenstudy.geometry.progress.ProgressListener;
import org.eigenstudy.geometry.stimuli.LayeredCodes;
import org.eigenstudy.geometry.stimuli.axes.AxisSelector;
import org.eigenstudy.studyconfig.model.DirectionsSpec.LayerRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
            "latent-to-feature weight's AᵀA), ganspace (PCA of W or class codes, or of the card's",
            "features module's activations regressed to z), random (isotropic",
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

    @Option(
            names = "--method",
            required = true,
            description =
                    "sefa, ganspace, random, imported, or hessian (the top eigenvectors of the"
                            + " average pixel-MSE metric at --points reference codes)")
    String method;

    @Option(
            names = "--points",
            defaultValue = "8",
            description = "hessian: reference codes the metric is averaged over (default: 8)")
    int points;

    @Option(
            names = "--explore-frames",
            description =
                    "also render each direction from one reference code in this many equal steps"
                            + " (odd; the dashboard's axis explorer), into <out>/explore/")
    Integer exploreFrames;

    @Option(
            names = "--explore-distance",
            defaultValue = "3",
            description = "explorer: the largest latent step either side (default: 3)")
    double exploreDistance;

    @Option(
            names = "--explore-size",
            defaultValue = "128",
            description = "explorer: PNG side in pixels (default: 128)")
    int exploreSize;

    @Option(
            names = "--layers",
            description =
                    "START:END, W+ layers [START, END) (0-based): the explorer moves only these"
                            + " layers' codes, and SeFa's default weights are these layers' style"
                            + " affines (the study YAML's directions.layers); needs a card whose"
                            + " space has a W+ module")
    String layers;

    @Option(names = "--count", defaultValue = "10", description = "directions (default: 10)")
    int count;

    @Option(
            names = "--weight",
            description =
                    "sefa: TorchScript name of a latent-to-feature weight (repeat to stack several);"
                            + " default: the card's W+ style affines (StyleGAN), else the module's"
                            + " first weight that maps the code")
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

    /** {@code --layers}, parsed and checked against the card before any work; null without it. */
    private LayerRange range;

    @Override
    public Integer call() throws Exception {
        ModelCard card = ModelCard.read(model);
        int dim = card.space(space).dim();
        range = layerRange(card);
        DirectionSet set =
                switch (method) {
                    case "sefa" -> sefa(card, dim);
                    case "random" -> RandomDirections.draw(dim, positiveCount(), seed);
                    case "ganspace" -> ganspace(card, dim);
                    case "hessian" -> hessianTop(card, dim);
                    case "imported" -> {
                        if (file == null) {
                            throw new GeometryException("--method imported needs --file");
                        }
                        yield ImportedDirections.read(file, dim);
                    }
                    default ->
                            throw new GeometryException(
                                    "--method must be sefa, ganspace, random, imported or hessian,"
                                            + " got "
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
        if (range != null) {
            json.put("layers", List.of(range.start(), range.end()));
        }
        if (alphas != null) {
            json.put("alpha", alphas);
            json.put("hessian_run", hessianRun.toString());
        }
        if (exploreFrames != null) {
            json.put("explore", explore(card, set));
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

    /**
     * The explorer's strips from one reference code drawn as the card says (seeded); with {@code
     * --layers}, through the W+ module with the reference in every layer and each direction in the
     * chosen layers only, as a study's layered edits are rendered.
     */
    private Map<String, Object> explore(ModelCard card, DirectionSet set) {
        ExplorerStrips strips = new ExplorerStrips(exploreFrames, exploreDistance, exploreSize);
        float[] reference;
        try (ReferenceCodes prior = ReferenceCodes.open(card, card.space(space), null)) {
            reference = prior.draw(new java.util.Random(seed));
        }
        float[] code = reference;
        DirectionSet walked = set;
        if (range != null) {
            int count = card.space(space).wplus().layers();
            code = LayeredCodes.repeat(reference, count);
            walked =
                    new DirectionSet(
                            set.method(),
                            set.directions().stream()
                                    .map(
                                            d ->
                                                    new Direction(
                                                            d.label(),
                                                            LayeredCodes.place(
                                                                    d.vector(), count, range),
                                                            d.score()))
                                    .toList(),
                            set.provenance());
        }
        engine.applyThreads();
        try (Generator generator =
                range == null
                        ? Generator.open(card, space, engine.deviceChoice())
                        : Generator.openWPlus(card, space, engine.deviceChoice())) {
            Map<String, Object> explore = new LinkedHashMap<>();
            explore.put("steps", strips.steps());
            explore.put("reference", reference);
            explore.put("strips", strips.render(generator, code, walked, out.resolve("explore")));
            return explore;
        }
    }

    /**
     * {@code --layers} as a range that fits the space's W+ module, or null without it; a one-line
     * error when it is malformed or does not fit.
     */
    private LayerRange layerRange(ModelCard card) {
        if (layers == null) {
            return null;
        }
        LayerRange parsed = null;
        String[] parts = layers.split(":", -1);
        try {
            if (parts.length == 2) {
                parsed =
                        new LayerRange(
                                Integer.parseInt(parts[0].trim()),
                                Integer.parseInt(parts[1].trim()));
            }
        } catch (IllegalArgumentException e) {
            // NumberFormatException or an empty range: the message below says what is expected
        }
        if (parsed == null) {
            throw new GeometryException(
                    "--layers must be START:END with 0 <= START < END, got " + layers);
        }
        LatentSpace.WPlus wplus = card.space(space).wplus();
        if (wplus == null) {
            throw new GeometryException(
                    "--layers needs a W+ module, and space " + space + " of this card has none");
        }
        if (parsed.end() > wplus.layers()) {
            throw new GeometryException(
                    "--layers "
                            + layers
                            + " ends past the "
                            + wplus.layers()
                            + " W+ layers of space "
                            + space);
        }
        return parsed;
    }

    /**
     * The metric's own candidates: the top eigenvectors of the exact pixel-MSE metric averaged over
     * {@code --points} reference codes drawn as the card says, so the explorer can put the
     * Hessian's axes beside the other methods'.
     */
    private DirectionSet hessianTop(ModelCard card, int dim) {
        int count = positiveCount();
        if (count > dim || points < 1) {
            throw new GeometryException(
                    "--method hessian gives 1 to " + dim + " directions from --points >= 1");
        }
        engine.applyThreads();
        try (Generator generator = Generator.open(card, space, engine.deviceChoice());
                FeatureMap phi = FeatureMaps.create("mse", false, null, generator);
                ReferenceCodes prior = ReferenceCodes.open(card, card.space(space), null)) {
            ExactHessian exact =
                    new ExactHessian(new ImageMetric(generator, phi), Math.min(64, dim));
            java.util.Random random = new java.util.Random(seed);
            DMatrixRMaj sum = new DMatrixRMaj(dim, dim);
            for (int p = 0; p < points; p++) {
                CommonOps_DDRM.addEquals(
                        sum, exact.hessian(prior.draw(random), ProgressListener.NONE));
            }
            CommonOps_DDRM.divide(sum, points);
            Eigen eigen = Eigen.of(sum);
            List<Direction> directions = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                directions.add(new Direction("top-" + (k + 1), eigen.vector(k), eigen.values()[k]));
            }
            return new DirectionSet(
                    "hessian",
                    directions,
                    Map.of("points", points, "seed", seed, "distance", "mse"));
        }
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
            return ModelDirections.sefa(generator, weights, range, count);
        }
    }

    /**
     * GANSpace as the card allows (ModelDirections.ganspace): PCA of W or class codes, or of the
     * card's features module's activations regressed back to the code; refused, with the reason, in
     * an isotropic space whose card names no features module.
     */
    private DirectionSet ganspace(ModelCard card, int dim) {
        engine.applyThreads();
        return ModelDirections.ganspace(
                card,
                card.space(space),
                samples,
                count,
                new java.util.Random(seed),
                engine.deviceChoice(),
                Map.of("seed", seed));
    }
}
