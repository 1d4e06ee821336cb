package org.eigenstudy.studyconfig.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The consistency rules of a manifest that a JSON schema cannot express (lengths that must agree,
 * unique ids and paths, step values repeated in frames) plus the basic ones, so a manifest can be
 * trusted after {@link StimulusManifests#read}. Problems are {@code <json path>: <message>}.
 */
final class ManifestValidator {
    private final List<String> problems = new ArrayList<>();
    private final Set<String> axisIds = new HashSet<>();
    private final Set<String> paths = new HashSet<>();

    static List<String> validate(StimulusManifest manifest) {
        ManifestValidator validator = new ManifestValidator();
        validator.check(manifest);
        return validator.problems;
    }

    private void check(StimulusManifest manifest) {
        require(
                StimulusManifest.SCHEMA.equals(manifest.schema()),
                "schema",
                "must be \"" + StimulusManifest.SCHEMA + "\", got " + quote(manifest.schema()));
        requireText(manifest.study(), "study");
        requireHash(manifest.configSha256(), "config_sha256");
        if (manifest.generatedBy() == null) {
            problems.add("generated_by: is missing");
        } else {
            requireText(manifest.generatedBy().tool(), "generated_by.tool");
        }
        if (manifest.models() == null || manifest.models().isEmpty()) {
            problems.add("models: must list at least one model");
            return;
        }
        Set<String> modelIds = new HashSet<>();
        for (int m = 0; m < manifest.models().size(); m++) {
            ManifestModel model = manifest.models().get(m);
            String at = "models[" + m + "]";
            if (model == null) {
                problems.add(at + ": is null");
                continue;
            }
            if (requireText(model.id(), at + ".id") && !modelIds.add(model.id())) {
                problems.add(at + ".id: duplicate model id '" + model.id() + "'");
            }
            checkModel(model, at);
        }
    }

    private void checkModel(ManifestModel model, String at) {
        requireText(model.space(), at + ".space");
        requireHash(model.cardSha256(), at + ".card_sha256");
        require(model.exploration() != null, at + ".exploration", "is missing");
        require(model.imageDistance() != null, at + ".image_distance", "is missing");
        require(
                Double.isFinite(model.distance()) && model.distance() > 0,
                at + ".distance",
                "must be a number > 0, got " + model.distance());
        List<Double> steps = model.steps();
        if (steps == null || steps.isEmpty()) {
            problems.add(at + ".steps: must list at least one step");
            return;
        }
        for (int i = 1; i < steps.size(); i++) {
            if (!require(
                    steps.get(i) > steps.get(i - 1), at + ".steps", "must be strictly ascending")) {
                break;
            }
        }
        int codeLength = checkReferences(model, at);
        if (model.axes() == null || model.axes().isEmpty()) {
            problems.add(at + ".axes: must list at least one axis");
            return;
        }
        Set<String> classRanks = new HashSet<>();
        for (int a = 0; a < model.axes().size(); a++) {
            ManifestAxis axis = model.axes().get(a);
            String axisAt = at + ".axes[" + a + "]";
            if (axis == null) {
                problems.add(axisAt + ": is null");
                continue;
            }
            if (requireText(axis.id(), axisAt + ".id") && !axisIds.add(axis.id())) {
                problems.add(axisAt + ".id: duplicate axis id '" + axis.id() + "'");
            }
            if (axis.axisClass() == null) {
                problems.add(axisAt + ".class: is missing");
            } else if (!classRanks.add(axis.axisClass() + "/" + axis.rank())) {
                problems.add(
                        axisAt
                                + ": duplicate "
                                + axis.axisClass().yamlName()
                                + " rank "
                                + axis.rank());
            }
            checkAxis(axis, axisAt, model, codeLength);
        }
    }

    /** Returns the common code length, or -1 when unknown. */
    private int checkReferences(ManifestModel model, String at) {
        if (model.references() == null || model.references().isEmpty()) {
            problems.add(at + ".references: must list at least one reference code");
            return -1;
        }
        int length = -1;
        for (int r = 0; r < model.references().size(); r++) {
            ManifestReference reference = model.references().get(r);
            String refAt = at + ".references[" + r + "]";
            if (reference == null) {
                problems.add(refAt + ": is null");
                continue;
            }
            require(
                    reference.index() == r,
                    refAt + ".index",
                    "must be " + r + " (its position), got " + reference.index());
            if (requireVector(reference.code(), refAt + ".code")) {
                if (length < 0) {
                    length = reference.code().size();
                }
                require(
                        reference.code().size() == length,
                        refAt + ".code",
                        "has " + reference.code().size() + " values, the first code has " + length);
            }
        }
        return length;
    }

    private void checkAxis(ManifestAxis axis, String at, ManifestModel model, int codeLength) {
        require(axis.rank() >= 1, at + ".rank", "must be >= 1, got " + axis.rank());
        boolean needsEigenvalue = axis.axisClass() != null && axis.axisClass().isEigenvector();
        require(
                !needsEigenvalue || axis.eigenvalue() != null,
                at + ".eigenvalue",
                "is required for "
                        + (axis.axisClass() == null ? "" : axis.axisClass().yamlName())
                        + " axes");
        require(
                axis.eigenvalue() == null || Double.isFinite(axis.eigenvalue()),
                at + ".eigenvalue",
                "must be finite");
        require(Double.isFinite(axis.alpha()), at + ".alpha", "must be finite");
        if (requireVector(axis.vector(), at + ".vector") && codeLength > 0) {
            require(
                    axis.vector().size() == codeLength,
                    at + ".vector",
                    "has "
                            + axis.vector().size()
                            + " values but reference codes have "
                            + codeLength);
        }
        if (axis.strips() == null || axis.strips().isEmpty()) {
            problems.add(at + ".strips: must list at least one strip");
            return;
        }
        for (int s = 0; s < axis.strips().size(); s++) {
            checkStrip(axis.strips().get(s), at + ".strips[" + s + "]", model);
        }
    }

    private void checkStrip(ManifestStrip strip, String at, ManifestModel model) {
        if (strip == null) {
            problems.add(at + ": is null");
            return;
        }
        int referenceCount = model.references() == null ? 0 : model.references().size();
        require(
                strip.reference() >= 0 && strip.reference() < referenceCount,
                at + ".reference",
                "must index the model's references (0.."
                        + (referenceCount - 1)
                        + "), got "
                        + strip.reference());
        List<Double> steps = model.steps();
        if (strip.frameDistances() == null || strip.frameDistances().size() != steps.size()) {
            problems.add(
                    at + ".frame_distances: must have one value per step (" + steps.size() + ")");
        } else {
            require(
                    strip.frameDistances().stream()
                            .allMatch(d -> d != null && Double.isFinite(d) && d >= 0),
                    at + ".frame_distances",
                    "must be finite numbers >= 0");
        }
        checkLatentSteps(strip.latentSteps(), at + ".latent_steps", model);
        if (strip.frames() == null || strip.frames().size() != steps.size()) {
            problems.add(at + ".frames: must have one frame per step (" + steps.size() + ")");
            return;
        }
        for (int f = 0; f < strip.frames().size(); f++) {
            ManifestFrame frame = strip.frames().get(f);
            String frameAt = at + ".frames[" + f + "]";
            if (frame == null) {
                problems.add(frameAt + ": is null");
                continue;
            }
            require(
                    frame.step() == steps.get(f),
                    frameAt + ".step",
                    "must equal steps[" + f + "] = " + steps.get(f) + ", got " + frame.step());
            checkPath(frame.path(), frameAt + ".path");
            requireHash(frame.sha256(), frameAt + ".sha256");
        }
    }

    /** Matched steps need a strip's own latent steps; fixed steps have none. */
    private void checkLatentSteps(List<Double> latent, String at, ManifestModel model) {
        boolean matched = model.matchedImageDistance() != null;
        if (!matched) {
            require(latent == null, at, "is only for matched steps (matched_image_distance)");
            return;
        }
        if (latent == null || latent.size() != model.steps().size()) {
            problems.add(at + ": must have one value per step (" + model.steps().size() + ")");
            return;
        }
        boolean ascending = latent.get(0) != null && Double.isFinite(latent.get(0));
        for (int i = 1; i < latent.size() && ascending; i++) {
            ascending = latent.get(i) != null && latent.get(i) > latent.get(i - 1);
        }
        require(ascending, at, "must be finite and strictly ascending");
        for (int i = 0; i < latent.size(); i++) {
            if (model.steps().get(i) == 0) {
                require(latent.get(i) != null && latent.get(i) == 0, at, "must be 0 at step 0");
            }
        }
    }

    private void checkPath(String path, String at) {
        if (!requireText(path, at)) {
            return;
        }
        boolean relative = !path.startsWith("/") && !path.contains("\\") && !path.contains(":");
        boolean inside =
                List.of(path.split("/")).stream()
                        .noneMatch(part -> part.isEmpty() || part.equals("..") || part.equals("."));
        require(
                relative && inside,
                at,
                "must be a relative '/'-separated path inside the stimuli folder, got "
                        + quote(path));
        require(paths.add(path), at, "duplicate file path " + quote(path));
    }

    private boolean requireVector(List<Double> values, String at) {
        if (values == null || values.isEmpty()) {
            problems.add(at + ": must list at least one value");
            return false;
        }
        return require(
                values.stream().allMatch(v -> v != null && Double.isFinite(v)),
                at,
                "must contain only finite numbers");
    }

    private boolean requireText(String value, String at) {
        return require(value != null && !value.isBlank(), at, "must be a non-empty string");
    }

    private void requireHash(String value, String at) {
        require(
                Sha256.isValid(value),
                at,
                "must be 64 lower-case hex digits (SHA-256), got " + quote(value));
    }

    private boolean require(boolean condition, String at, String message) {
        if (!condition) {
            problems.add(at + ": " + message);
        }
        return condition;
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
