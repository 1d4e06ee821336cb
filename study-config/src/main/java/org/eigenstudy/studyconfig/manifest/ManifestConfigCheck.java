package org.eigenstudy.studyconfig.manifest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eigenstudy.studyconfig.Problem;
import org.eigenstudy.studyconfig.Problems;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.model.ModelSpec;

/**
 * Whether a stimulus manifest belongs to a study config and its files are the ones it lists: the
 * config's stimuli fingerprint, the same models, frame paths that are images inside the stimuli
 * folder, and every image present with its SHA-256. Each problem names its rule ({@code
 * config-mismatch}, {@code missing-model}, {@code unknown-model}, {@code format}, {@code
 * inside-folder}, {@code missing-file}, {@code checksum}, {@code unreadable}).
 */
public final class ManifestConfigCheck {

    private ManifestConfigCheck() {}

    /**
     * Every problem of {@code manifest} against {@code config}; files are read from {@code folder}.
     */
    public static List<Problem> check(StudyConfig config, StimulusManifest manifest, Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        Problems problems = new Problems();
        // The manifest's own study slug is not compared: stimuli depend on the models only, so
        // a duplicated study (another slug) uses the same stimuli.
        if (!StimuliFingerprint.matches(config, manifest.configSha256())) {
            problems.add(
                    "manifest.config_sha256",
                    "config-mismatch",
                    "the stimuli were made for other models, axes, distances, frames or images"
                            + " (config_sha256 "
                            + manifest.configSha256()
                            + " != "
                            + StimuliFingerprint.of(config)
                            + "); compute them again for this config");
        }
        for (ModelSpec model : config.models()) {
            if (manifest.model(model.id()).isEmpty()) {
                problems.add(
                        "manifest.models",
                        "missing-model",
                        "model '" + model.id() + "' of the config has no stimuli in the manifest");
            }
        }
        for (ManifestModel model : manifest.models()) {
            if (config.model(model.id()).isEmpty()) {
                problems.add(
                        "manifest.models",
                        "unknown-model",
                        "manifest model '" + model.id() + "' is not in the config");
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(checkFiles(manifest, dir));
        }
        return problems.list();
    }

    /**
     * Whether {@code folder} holds exactly the images {@code manifest} lists: every frame path an
     * image inside the folder, present, with its SHA-256. Files are read only when every path is
     * inside, so a manifest cannot make the check read outside its folder.
     */
    public static List<Problem> checkFiles(StimulusManifest manifest, Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        Problems problems = new Problems();
        for (ManifestModel model : manifest.models()) {
            for (ManifestAxis axis : model.axes()) {
                for (ManifestStrip strip : axis.strips()) {
                    for (ManifestFrame frame : strip.frames()) {
                        checkPath(frame.path(), dir, problems);
                    }
                }
            }
        }
        if (problems.isEmpty()) {
            verifyFiles(manifest, dir, problems);
        }
        return problems.list();
    }

    /** The media type of a frame image by its extension: PNG or WebP, nothing else. */
    public static Optional<String> mediaType(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return Optional.of("image/png");
        }
        if (lower.endsWith(".webp")) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static void checkPath(String relative, Path dir, Problems problems) {
        if (mediaType(relative).isEmpty()) {
            problems.add(
                    "frames.path",
                    "format",
                    "frame path '" + relative + "' is not a .png or .webp file");
        } else if (Path.of(relative).isAbsolute()
                || !dir.resolve(relative).normalize().startsWith(dir)) {
            problems.add(
                    "frames.path",
                    "inside-folder",
                    "frame path '" + relative + "' leaves the stimuli folder");
        }
    }

    private static void verifyFiles(StimulusManifest manifest, Path dir, Problems problems) {
        try {
            for (String problem : StimulusManifests.verifyFiles(manifest, dir)) {
                problems.add(
                        "frames",
                        problem.endsWith("missing") ? "missing-file" : "checksum",
                        "stimulus image " + problem);
            }
        } catch (IOException e) {
            problems.add("frames", "unreadable", "cannot read stimuli: " + e.getMessage());
        }
    }
}
