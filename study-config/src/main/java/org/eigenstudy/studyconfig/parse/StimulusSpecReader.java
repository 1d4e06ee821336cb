package org.eigenstudy.studyconfig.parse;

import java.util.List;
import java.util.Optional;
import org.eigenstudy.studyconfig.model.AxesSpec;
import org.eigenstudy.studyconfig.model.DirectionsSpec;
import org.eigenstudy.studyconfig.model.Exploration;
import org.eigenstudy.studyconfig.model.HessianMethod;
import org.eigenstudy.studyconfig.model.HessianSpec;
import org.eigenstudy.studyconfig.model.ImageDistance;
import org.eigenstudy.studyconfig.model.ImageFormat;
import org.eigenstudy.studyconfig.model.ImageSpec;
import org.eigenstudy.studyconfig.model.MatchedSteps;
import org.eigenstudy.studyconfig.model.ReferencePrior;
import org.eigenstudy.studyconfig.model.StimulusSpec;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a model's {@code stimuli:} block; the ranges here are the ones README.md documents. */
final class StimulusSpecReader {
    static final IntRule HESSIAN_POINTS = IntRule.between(1, 1000);
    static final NumberRule EPSILON = NumberRule.above(0, 1);
    static final IntRule IMAGE_SIDE = IntRule.between(16, 4096);
    static final IntRule AXIS_COUNT = IntRule.between(0, 512);
    static final IntRule EXCLUDE_TOP = IntRule.between(0, 4096);
    static final IntRule REFERENCES = IntRule.between(1, 12);
    static final NumberRule TRUNCATION = NumberRule.above(0, 10);
    static final IntRule FRAMES = IntRule.oddBetween(3, 31);
    static final NumberRule DISTANCE = NumberRule.positive();
    static final IntRule SEED = IntRule.atLeast(0);

    private StimulusSpecReader() {}

    static StimulusSpec read(MappingReader stimuli) {
        HessianSpec hessian = readHessian(stimuli.section("hessian"));
        AxesSpec axes = readAxes(stimuli.section("axes"));
        DirectionsSpec directions = readDirections(stimuli.section("directions"), axes);
        int references = stimuli.integer("references", 5, REFERENCES);
        MappingReader prior = stimuli.section("reference_prior");
        ReferencePrior referencePrior =
                new ReferencePrior(prior.nullableNumber("truncation", TRUNCATION));
        prior.finish();
        int frames = stimuli.integer("frames", 7, FRAMES);
        Exploration exploration = stimuli.nullableEnum("exploration", Exploration.class);
        double distance = stimuli.requiredNumber("distance", DISTANCE);
        if (exploration == Exploration.SPHERICAL && distance > Math.PI) {
            stimuli.value("distance")
                    .ifPresent(
                            node ->
                                    stimuli.problem(
                                            node,
                                            "distance",
                                            "with spherical exploration the distance is an angle"
                                                    + " in radians and must be <= pi, got "
                                                    + Scalars.describe(node)));
        }
        boolean matchedGiven =
                stimuli.value("matched_steps").filter(node -> !Scalars.isNull(node)).isPresent();
        MatchedSteps matched =
                matchedGiven ? readMatchedSteps(stimuli.section("matched_steps")) : null;
        if (matched != null && exploration == Exploration.SPHERICAL) {
            stimuli.value("matched_steps")
                    .ifPresent(
                            node ->
                                    stimuli.problem(
                                            node,
                                            "matched_steps",
                                            "needs linear exploration: matched steps search a"
                                                    + " latent distance along a straight line"));
        }
        MappingReader imageSection = stimuli.section("image");
        ImageSpec image =
                new ImageSpec(
                        imageSection.nullableInteger("size", IMAGE_SIDE),
                        imageSection.enumValue("format", ImageFormat.class, ImageFormat.PNG));
        imageSection.finish();
        long seed = stimuli.longInteger("seed", 0, SEED);
        stimuli.finish();
        return new StimulusSpec(
                hessian,
                axes,
                directions,
                references,
                referencePrior,
                frames,
                exploration,
                distance,
                matched,
                image,
                seed);
    }

    static final StringRule NPY_FILE =
            StringRule.matching("^\\S.*\\.npy$", "a path of a .npy file, relative to this file");

    private static HessianSpec readHessian(MappingReader section) {
        HessianSpec defaults = HessianSpec.DEFAULT;
        int points = section.integer("points", defaults.points(), HESSIAN_POINTS);
        HessianMethod method = section.enumValue("method", HessianMethod.class, defaults.method());
        ImageDistance distance =
                section.enumValue("distance", ImageDistance.class, defaults.distance());
        String featureMap = section.nullableString("feature_map", StringRule.NON_BLANK);
        Optional<Node> featureMapNode = section.value("feature_map");
        boolean featureMapGiven = featureMapNode.filter(node -> !Scalars.isNull(node)).isPresent();
        if (distance == ImageDistance.LPIPS && !featureMapGiven) {
            section.problem(
                    featureMapNode.or(() -> section.value("distance")).orElse(section.anchor()),
                    "feature_map",
                    "is required when distance is lpips: the feature-map-card.json of an exported"
                            + " LPIPS network, relative to this file");
        } else if (distance != ImageDistance.LPIPS && featureMapGiven) {
            section.problem(
                    featureMapNode.get(),
                    "feature_map",
                    "is only used with distance lpips; remove it or set distance: lpips");
        }
        HessianSpec hessian =
                new HessianSpec(
                        points,
                        method,
                        distance,
                        featureMap,
                        section.nullableNumber("epsilon", EPSILON),
                        section.bool("equalize", defaults.equalize()),
                        section.nullableInteger("resize", IMAGE_SIDE),
                        section.nullableString("codes", NPY_FILE));
        section.finish();
        return hessian;
    }

    private static AxesSpec readAxes(MappingReader section) {
        AxesSpec defaults = AxesSpec.DEFAULT;
        AxesSpec axes =
                new AxesSpec(
                        section.integer("top", defaults.top(), AXIS_COUNT),
                        section.integer("orthogonal", defaults.orthogonal(), AXIS_COUNT),
                        section.integer(
                                "orthogonal_exclude_top",
                                defaults.orthogonalExcludeTop(),
                                EXCLUDE_TOP),
                        section.integer("bottom", defaults.bottom(), AXIS_COUNT),
                        section.integer("ganspace", 0, AXIS_COUNT),
                        section.integer("sefa", 0, AXIS_COUNT),
                        section.integer("random", 0, AXIS_COUNT),
                        section.integer("imported", 0, AXIS_COUNT));
        section.finish();
        return axes;
    }

    static final IntRule GANSPACE_SAMPLES = IntRule.between(16, 1_000_000);
    static final StringRule DIRECTIONS_FILE =
            StringRule.matching(
                    "^\\S.*\\.(npy|csv)$", "a path of a .npy or .csv file, relative to this file");
    static final NumberRule IMAGE_DISTANCE = NumberRule.positive();

    private static DirectionsSpec readDirections(MappingReader section, AxesSpec axes) {
        DirectionsSpec defaults = DirectionsSpec.DEFAULT;
        List<String> weights =
                section.list(
                        "sefa_weights",
                        (node, path) ->
                                Scalars.text(node)
                                        .filter(text -> !text.isBlank())
                                        .orElseGet(
                                                () -> {
                                                    section.problem(
                                                            node,
                                                            "sefa_weights",
                                                            "must list parameter names (text),"
                                                                    + " got "
                                                                    + Scalars.describe(node));
                                                    return null;
                                                }));
        int samples =
                section.integer("ganspace_samples", defaults.ganspaceSamples(), GANSPACE_SAMPLES);
        String imported = section.nullableString("imported", DIRECTIONS_FILE);
        if (axes.imported() > 0 && imported == null) {
            section.problem(
                    section.value("imported").orElse(section.anchor()),
                    "imported",
                    "is required when axes.imported is "
                            + axes.imported()
                            + ": the .npy or .csv file of your directions, relative to this file");
        }
        DirectionsSpec.LayerRange layers = readLayers(section);
        section.finish();
        return new DirectionsSpec(
                weights == null
                        ? defaults.sefaWeights()
                        : weights.stream().filter(java.util.Objects::nonNull).toList(),
                samples,
                imported,
                layers);
    }

    /**
     * {@code layers: [start, end]}, or null when absent or null; one problem for the whole field
     * when it is not two integers with 0 ≤ start < end (the card's layer count is geometry-core's
     * check: the study file does not know it).
     */
    private static DirectionsSpec.LayerRange readLayers(MappingReader section) {
        var value = section.value("layers").filter(v -> !Scalars.isNull(v));
        if (value.isEmpty()) {
            return null;
        }
        List<Long> bounds =
                section.list("layers", (node, path) -> Scalars.integer(node).orElse(null));
        if (bounds.size() == 2
                && bounds.get(0) != null
                && bounds.get(1) != null
                && bounds.get(0) >= 0
                && bounds.get(1) > bounds.get(0)
                && bounds.get(1) <= Integer.MAX_VALUE) {
            return new DirectionsSpec.LayerRange(
                    bounds.get(0).intValue(), bounds.get(1).intValue());
        }
        section.problem(
                value.get(),
                "layers",
                "must be [start, end], two integers with 0 <= start < end (0-based synthesis"
                        + " layers, end exclusive), got "
                        + describeBounds(value.get()));
        return null;
    }

    /** A list of scalars as it was written ({@code [4, 4]}), so the message shows the bounds. */
    private static String describeBounds(org.yaml.snakeyaml.nodes.Node node) {
        if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode sequence) {
            return sequence.getValue().stream()
                    .map(Scalars::describe)
                    .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        return Scalars.describe(node);
    }

    private static MatchedSteps readMatchedSteps(MappingReader section) {
        MatchedSteps matched =
                new MatchedSteps(section.requiredNumber("image_distance", IMAGE_DISTANCE));
        section.finish();
        return matched;
    }
}
