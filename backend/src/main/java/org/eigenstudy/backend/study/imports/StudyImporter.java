package org.eigenstudy.backend.study.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.backend.domain.Checks;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.domain.DomainException.Kind;
import org.eigenstudy.backend.study.Axis;
import org.eigenstudy.backend.study.Frame;
import org.eigenstudy.backend.study.Strip;
import org.eigenstudy.backend.study.Study;
import org.eigenstudy.backend.study.StudyModel;
import org.eigenstudy.backend.study.StudyState;
import org.eigenstudy.backend.study.Trial;
import org.eigenstudy.studyconfig.Problem;
import org.eigenstudy.studyconfig.manifest.ManifestAxis;
import org.eigenstudy.studyconfig.manifest.ManifestException;
import org.eigenstudy.studyconfig.manifest.ManifestFrame;
import org.eigenstudy.studyconfig.manifest.ManifestModel;
import org.eigenstudy.studyconfig.manifest.ManifestStrip;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.eigenstudy.studyconfig.manifest.StimulusManifest;
import org.eigenstudy.studyconfig.manifest.StimulusManifests;

/**
 * Imports a study version from its config and the stimulus manifest in its stimuli folder. Every
 * image is checked against the manifest's SHA-256 before anything is stored; all problems are
 * reported together and none of the study is kept if there is one.
 */
@ApplicationScoped
public class StudyImporter {

    @Inject StudyConfigReader configReader;

    /**
     * Parses {@code yamlText} (relative paths resolve against {@code baseDirectory}) and imports.
     */
    @Transactional
    public Study importStudy(String yamlText, String sourceName, Path baseDirectory, Path stimuli) {
        StudyDefinition definition = configReader.read(yamlText, sourceName, baseDirectory);
        if (Study.findVersion(definition.slug(), definition.version()).isPresent()) {
            throw new DomainException(
                    Kind.CONFLICT,
                    "study '"
                            + definition.slug()
                            + "' version "
                            + definition.version()
                            + " is already imported; raise study.version to import a changed"
                            + " config",
                    "study.version",
                    "exists");
        }
        Path stimuliDir = stimuli.toAbsolutePath().normalize();
        StimulusManifest manifest = readManifest(stimuliDir);
        Checks problems = new Checks();
        checkManifest(definition, manifest, stimuliDir, problems);
        problems.throwIfAny();
        return store(definition, yamlText, manifest, stimuliDir);
    }

    private static StimulusManifest readManifest(Path stimuliDir) {
        Path file = stimuliDir.resolve(StimulusManifests.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw DomainException.invalid(
                    "stimulus manifest not found: " + file, "stimuliDir", "missing-file");
        }
        try {
            return StimulusManifests.read(file);
        } catch (ManifestException e) {
            throw new DomainException(
                    Kind.INVALID,
                    e.problems().stream()
                            .map(p -> Problem.of("manifest", "manifest", "manifest.json: " + p))
                            .toList());
        } catch (IOException e) {
            throw DomainException.invalid(
                    "cannot read stimulus manifest " + file + ": " + e.getMessage(),
                    "manifest",
                    "unreadable");
        }
    }

    private static void checkManifest(
            StudyDefinition definition, StimulusManifest manifest, Path dir, Checks problems) {
        if (!definition.slug().equals(manifest.study())) {
            problems.fail(
                    "manifest.study",
                    "config-mismatch",
                    "manifest is for study '"
                            + manifest.study()
                            + "', the config is '"
                            + definition.slug()
                            + "'");
        }
        if (!definition.configSha256().equalsIgnoreCase(manifest.configSha256())) {
            problems.fail(
                    "manifest.config_sha256",
                    "config-mismatch",
                    "stimuli were generated from a different config (config_sha256 "
                            + manifest.configSha256()
                            + " != "
                            + definition.configSha256()
                            + "); regenerate them");
        }
        for (StudyDefinition.ModelEntry model : definition.models()) {
            if (manifest.model(model.id()).isEmpty()) {
                problems.fail(
                        "manifest.models",
                        "missing-model",
                        "model '" + model.id() + "' of the config has no stimuli in the manifest");
            }
        }
        for (ManifestModel model : manifest.models()) {
            if (definition.models().stream().noneMatch(m -> m.id().equals(model.id()))) {
                problems.fail(
                        "manifest.models",
                        "unknown-model",
                        "manifest model '" + model.id() + "' is not in the config");
            }
            for (ManifestAxis axis : model.axes()) {
                for (ManifestStrip strip : axis.strips()) {
                    for (ManifestFrame frame : strip.frames()) {
                        checkPath(frame.path(), dir, problems);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        try {
            for (String problem : StimulusManifests.verifyFiles(manifest, dir)) {
                problems.fail(
                        "frames",
                        problem.endsWith("missing") ? "missing-file" : "checksum",
                        "stimulus image " + problem);
            }
        } catch (IOException e) {
            problems.fail("frames", "unreadable", "cannot read stimuli: " + e.getMessage());
        }
    }

    private static void checkPath(String relative, Path dir, Checks problems) {
        if (mediaType(relative) == null) {
            problems.fail(
                    "frames.path",
                    "format",
                    "frame path '" + relative + "' is not a .png or .webp file");
        } else if (Path.of(relative).isAbsolute()
                || !dir.resolve(relative).normalize().startsWith(dir)) {
            problems.fail(
                    "frames.path",
                    "inside-folder",
                    "frame path '" + relative + "' leaves the stimuli folder");
        }
    }

    static String mediaType(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        return null;
    }

    private Study store(
            StudyDefinition definition, String yamlText, StimulusManifest manifest, Path dir) {
        Study study = new Study();
        study.slug = definition.slug();
        study.version = definition.version();
        study.title = definition.title();
        study.description = definition.description();
        study.instructions = definition.instructions();
        study.state = StudyState.DRAFT.dbValue();
        study.configYaml = yamlText;
        study.design = definition.design();
        study.stimuliDir = dir.toString();
        study.manifestSha256 = manifestSha(dir);
        study.completionCode =
                definition.completionCode() == null
                        ? Secrets.humanCode(8)
                        : definition.completionCode();
        study.prolificCompletionUrl = definition.prolificCompletionUrl();
        study.compensation = definition.compensation();
        study.persist();
        for (StudyDefinition.ModelEntry entry : definition.models()) {
            manifest.model(entry.id()).ifPresent(model -> storeModel(study, entry, model));
        }
        return study;
    }

    private void storeModel(Study study, StudyDefinition.ModelEntry entry, ManifestModel source) {
        StudyModel model = new StudyModel();
        model.studyId = study.id;
        model.modelKey = entry.id();
        model.label = entry.label();
        model.space = source.space();
        model.exploration = source.exploration().yamlName();
        model.distance = source.distance();
        model.imageDistance = source.imageDistance().yamlName();
        model.persist();
        boolean catchTrials = study.design.catchTrials() > 0;
        for (ManifestAxis manifestAxis : source.axes()) {
            String axisClass = manifestAxis.axisClass().yamlName();
            if (!study.design.axisClasses().contains(axisClass)) {
                continue;
            }
            Axis axis = new Axis();
            axis.modelId = model.id;
            axis.axisKey = manifestAxis.id();
            axis.axisClass = axisClass;
            axis.rank = manifestAxis.rank();
            axis.eigenvalue = manifestAxis.eigenvalue();
            axis.alpha = manifestAxis.alpha();
            axis.persist();
            for (ManifestStrip strip : manifestAxis.strips()) {
                storeStrip(study, axis, strip);
            }
            persistTrial(study, axis, false);
            if (catchTrials) {
                persistTrial(study, axis, true);
            }
        }
    }

    private static void storeStrip(Study study, Axis axis, ManifestStrip source) {
        Strip strip = new Strip();
        strip.axisId = axis.id;
        strip.referenceIndex = source.reference();
        strip.frameDistances =
                source.frameDistances() == null
                        ? ""
                        : source.frameDistances().stream()
                                .map(String::valueOf)
                                .collect(Collectors.joining(";"));
        strip.persist();
        int position = 0;
        for (ManifestFrame manifestFrame : source.frames()) {
            Frame frame = new Frame();
            frame.studyId = study.id;
            frame.stripId = strip.id;
            frame.position = position++;
            frame.step = manifestFrame.step();
            frame.path = manifestFrame.path();
            frame.sha256 = manifestFrame.sha256().toLowerCase(Locale.ROOT);
            frame.mediaType = mediaType(frame.path);
            frame.byteSize = sizeOf(Path.of(study.stimuliDir).resolve(frame.path));
            frame.persist();
        }
    }

    private static void persistTrial(Study study, Axis axis, boolean isCatch) {
        Trial trial = new Trial();
        trial.studyId = study.id;
        trial.axisId = axis.id;
        trial.isCatch = isCatch;
        trial.persist();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String manifestSha(Path dir) {
        try {
            return Sha256.of(dir.resolve(StimulusManifests.FILE_NAME));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
