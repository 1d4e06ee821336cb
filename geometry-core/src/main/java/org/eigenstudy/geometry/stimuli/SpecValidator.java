package org.eigenstudy.geometry.stimuli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.directions.ImportedDirections;
import org.eigenstudy.geometry.directions.ModelDirections;
import org.eigenstudy.geometry.model.LatentCodes;
import org.eigenstudy.geometry.model.LatentSpace;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.studyconfig.Problem;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.model.DirectionsSpec;
import org.eigenstudy.studyconfig.model.Exploration;
import org.eigenstudy.studyconfig.model.HessianMethod;
import org.eigenstudy.studyconfig.model.ImageFormat;
import org.eigenstudy.studyconfig.model.ModelSpec;
import org.eigenstudy.studyconfig.model.StimulusSpec;

/**
 * Checks every model entry of a study config against its model card before anything is computed, so
 * a bad spec costs seconds, not a half-finished run. Each problem is one line that names the field.
 */
public final class SpecValidator {
    private SpecValidator() {}

    /** The plans of all models, or an {@link InvalidSpecException} listing every problem. */
    public static List<ModelPlan> plan(StudyConfig config) {
        List<String> problems = new ArrayList<>();
        List<ModelPlan> plans = new ArrayList<>();
        for (Problem missing : config.checkFilesExist()) {
            problems.add(missing.toString());
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        for (int i = 0; i < config.models().size(); i++) {
            ModelSpec model = config.models().get(i);
            String at = "models[" + i + "] (" + model.id() + ")";
            ModelCard card;
            LatentSpace space;
            try {
                card = ModelCard.read(config.resolveCard(model));
                space = card.space(model.space());
            } catch (GeometryException e) {
                problems.add(at + ": " + e.getMessage());
                continue;
            }
            List<String> own = new ArrayList<>();
            config.checkAgainstDimension(model, space.dim()).forEach(p -> own.add(p.toString()));
            own.addAll(checkSpec(model.stimuli(), at + ".stimuli"));
            // The parser already requires hessian.feature_map with lpips and checkFilesExist that
            // it exists; null means pixel MSE.
            Path featureMap = config.resolveFeatureMap(model).orElse(null);
            Path codes = config.resolveHessianCodes(model).orElse(null);
            if (codes != null) {
                own.addAll(checkCodes(codes, model.stimuli().hessian().points(), space.dim(), at));
            }
            Path imported = config.resolveImportedDirections(model).orElse(null);
            if (imported != null) {
                own.addAll(checkImported(imported, model.stimuli(), space.dim(), at));
            }
            own.addAll(checkMethods(model, card, space, at + ".stimuli"));
            problems.addAll(own);
            if (own.isEmpty()) {
                plans.add(
                        new ModelPlan(
                                model,
                                card,
                                space,
                                exploration(model, space),
                                featureMap,
                                codes,
                                imported));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return plans;
    }

    /** The own codes must be readable, of the space's size, and as many as hessian.points. */
    private static List<String> checkCodes(Path codes, int points, int dim, String at) {
        try {
            int n = LatentCodes.read(codes, dim).size();
            return n == points
                    ? List.of()
                    : List.of(
                            at
                                    + ".stimuli.hessian.points: "
                                    + points
                                    + ", but "
                                    + codes.getFileName()
                                    + " holds "
                                    + n
                                    + " codes; set points to "
                                    + n);
        } catch (GeometryException e) {
            return List.of(at + ".stimuli.hessian.codes: " + e.getMessage());
        }
    }

    /** The imported file must read as vectors of the space's size, at least axes.imported. */
    private static List<String> checkImported(Path file, StimulusSpec spec, int dim, String at) {
        String field = at + ".stimuli.directions.imported";
        if (!Files.isRegularFile(file)) {
            return List.of(field + ": " + file + " does not exist");
        }
        try {
            int rows = ImportedDirections.read(file, dim).directions().size();
            int wanted = spec.axes().imported();
            return rows >= wanted
                    ? List.of()
                    : List.of(
                            at
                                    + ".stimuli.axes.imported: "
                                    + wanted
                                    + ", but "
                                    + file.getFileName()
                                    + " holds "
                                    + rows
                                    + " directions; set imported to at most "
                                    + rows);
        } catch (GeometryException e) {
            return List.of(field + ": " + e.getMessage());
        }
    }

    /** What the other methods and matched steps need of the card and the spec. */
    private static List<String> checkMethods(
            ModelSpec model, ModelCard card, LatentSpace space, String at) {
        StimulusSpec spec = model.stimuli();
        List<String> problems = new ArrayList<>();
        // The card's default counts too: a spherical space has no straight line to search.
        if (spec.matchedSteps() != null && exploration(model, space) == Exploration.SPHERICAL) {
            problems.add(
                    at
                            + ".matched_steps: needs linear exploration (matched steps search a"
                            + " latent distance along a straight line)");
        }
        if (spec.axes().imported() > 0 && spec.directions().importedFile() == null) {
            problems.add(
                    at
                            + ".directions.imported: required when axes.imported is "
                            + spec.axes().imported());
        }
        problems.addAll(checkLayers(model, card, space, at));
        if (spec.axes().ganspace() > 0) {
            ModelDirections.ganspaceUnavailable(card, space)
                    .ifPresent(reason -> problems.add(at + ".axes.ganspace: " + reason));
            int min = ModelDirections.minimumSamples(space.dim());
            if (spec.directions().ganspaceSamples() < min) {
                problems.add(
                        at
                                + ".directions.ganspace_samples: "
                                + spec.directions().ganspaceSamples()
                                + " is too few for a PCA over "
                                + space.dim()
                                + "-d codes; use at least "
                                + min);
            }
        }
        return problems;
    }

    /**
     * {@code directions.layers} needs the space's W+ module with at least {@code end} layers, and a
     * linear path (W+ codes are the reference repeated; a great circle through them is no W edit).
     */
    private static List<String> checkLayers(
            ModelSpec model, ModelCard card, LatentSpace space, String at) {
        DirectionsSpec.LayerRange layers = model.stimuli().directions().layers();
        if (layers == null) {
            return List.of();
        }
        String field = at + ".directions.layers: ";
        if (space.wplus() == null) {
            return List.of(
                    field
                            + "model "
                            + card.name()
                            + " has no W+ module for space "
                            + space.name()
                            + " (card spaces[].wplus; StyleGAN2 exports have one for w)");
        }
        if (layers.end() > space.wplus().layers()) {
            return List.of(
                    field
                            + "["
                            + layers.start()
                            + ", "
                            + layers.end()
                            + "] exceeds the "
                            + space.wplus().layers()
                            + " layers of "
                            + card.name()
                            + "'s W+ module (end is exclusive, at most "
                            + space.wplus().layers()
                            + ")");
        }
        if (exploration(model, space) == Exploration.SPHERICAL) {
            return List.of(field + "needs linear exploration (W+ edits move along straight lines)");
        }
        return List.of();
    }

    /** Checks that do not need the card (configs built in code bypass the parser's rules). */
    static List<String> checkSpec(StimulusSpec spec, String at) {
        List<String> problems = new ArrayList<>();
        if (!(spec.distance() > 0) || !Double.isFinite(spec.distance())) {
            problems.add(at + ".distance: must be a number > 0, got " + spec.distance());
        }
        if (spec.image().format() == ImageFormat.WEBP) {
            problems.add(
                    at
                            + ".image.format: webp is not supported (no pure-Java WebP encoder on"
                            + " Maven Central); use png");
        }
        if (spec.hessian().method() == HessianMethod.LANCZOS) {
            problems.add(
                    at
                            + ".hessian.method: lanczos yields only the top eigenpairs, but bottom"
                            + " and orthogonal axes need the full spectrum; use exact or"
                            + " fd-jacobian");
        }
        if (spec.frames() < 3 || spec.frames() % 2 == 0) {
            problems.add(at + ".frames: must be odd and >= 3, got " + spec.frames());
        }
        return problems;
    }

    private static Exploration exploration(ModelSpec model, LatentSpace space) {
        Exploration chosen = model.stimuli().exploration();
        return chosen != null ? chosen : Exploration.fromYaml(space.exploration());
    }
}
