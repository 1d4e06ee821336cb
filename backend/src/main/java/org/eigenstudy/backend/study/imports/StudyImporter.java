package org.eigenstudy.backend.study.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.eigenstudy.backend.api.ApiException;
import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.backend.study.Axis;
import org.eigenstudy.backend.study.Frame;
import org.eigenstudy.backend.study.Strip;
import org.eigenstudy.backend.study.Study;
import org.eigenstudy.backend.study.StudyModel;
import org.eigenstudy.backend.study.StudyState;
import org.eigenstudy.backend.study.Trial;

/**
 * Imports a study version from its config and the stimulus manifest in its stimuli folder. Every
 * image is checked against the manifest's SHA-256 before anything is stored; all problems are
 * reported together and none of the study is kept if there is one.
 */
@ApplicationScoped
public class StudyImporter {

    public static final String MANIFEST_FILE = "manifest.json";
    private static final String MANIFEST_SCHEMA = "eigenstudy-manifest/1";
    private static final Set<String> AXIS_CLASSES = Set.of("top", "orthogonal", "bottom");

    @Inject StudyConfigReader configReader;
    @Inject ObjectMapper json;

    /**
     * Parses {@code yamlText} (relative paths resolve against {@code baseDirectory}) and imports.
     */
    @Transactional
    public Study importStudy(String yamlText, String sourceName, Path baseDirectory, Path stimuli) {
        StudyDefinition definition = configReader.read(yamlText, sourceName, baseDirectory);
        if (Study.findVersion(definition.slug(), definition.version()).isPresent()) {
            throw new ApiException(
                    409,
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
        JsonNode manifest = readManifest(stimuliDir);
        ImportProblems problems = new ImportProblems();
        checkManifest(definition, manifest, stimuliDir, problems);
        problems.throwIfAny();
        return store(definition, yamlText, manifest, stimuliDir);
    }

    private JsonNode readManifest(Path stimuliDir) {
        Path file = stimuliDir.resolve(MANIFEST_FILE);
        if (!Files.isRegularFile(file)) {
            throw ApiException.invalid(
                    "stimulus manifest not found: " + file, "stimuliDir", "missing-file");
        }
        try {
            JsonNode manifest = json.readTree(file.toFile());
            if (manifest == null || !manifest.isObject()) {
                throw ApiException.invalid(
                        "stimulus manifest is not a JSON object: " + file, "manifest", "json");
            }
            return manifest;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.invalid(
                    "stimulus manifest is not valid JSON: " + file + ": " + e.getOriginalMessage(),
                    "manifest",
                    "json");
        } catch (IOException e) {
            throw ApiException.invalid(
                    "cannot read stimulus manifest " + file + ": " + e.getMessage(),
                    "manifest",
                    "unreadable");
        }
    }

    private void checkManifest(
            StudyDefinition definition, JsonNode manifest, Path dir, ImportProblems problems) {
        if (!MANIFEST_SCHEMA.equals(manifest.path("schema").asText())) {
            problems.add(
                    "manifest.schema",
                    "schema",
                    "manifest schema must be '" + MANIFEST_SCHEMA + "'");
        }
        if (!definition.slug().equals(manifest.path("study").asText())) {
            problems.add(
                    "manifest.study",
                    "config-mismatch",
                    "manifest is for study '"
                            + manifest.path("study").asText()
                            + "', the config is '"
                            + definition.slug()
                            + "'");
        }
        String configSha = manifest.path("config_sha256").asText();
        if (!configSha.equalsIgnoreCase(definition.configSha256())) {
            problems.add(
                    "manifest.config_sha256",
                    "config-mismatch",
                    "stimuli were generated from a different config (config_sha256 "
                            + configSha
                            + " != "
                            + definition.configSha256()
                            + "); regenerate them");
        }
        Set<String> manifestModels =
                StreamSupport.stream(manifest.path("models").spliterator(), false)
                        .map(m -> m.path("id").asText())
                        .collect(Collectors.toSet());
        for (StudyDefinition.ModelEntry model : definition.models()) {
            if (!manifestModels.contains(model.id())) {
                problems.add(
                        "manifest.models",
                        "missing-model",
                        "model '" + model.id() + "' of the config has no stimuli in the manifest");
            }
        }
        Set<String> seenPaths = new HashSet<>();
        for (JsonNode model : manifest.path("models")) {
            String modelId = model.path("id").asText();
            if (definition.models().stream().noneMatch(m -> m.id().equals(modelId))) {
                problems.add(
                        "manifest.models",
                        "unknown-model",
                        "manifest model '" + modelId + "' is not in the config");
            }
            for (JsonNode axis : model.path("axes")) {
                checkAxis(modelId, axis, definition, dir, seenPaths, problems);
            }
        }
    }

    private void checkAxis(
            String modelId,
            JsonNode axis,
            StudyDefinition definition,
            Path dir,
            Set<String> seenPaths,
            ImportProblems problems) {
        String axisId = axis.path("id").asText();
        String where = "models." + modelId + ".axes." + axisId;
        if (!AXIS_CLASSES.contains(axis.path("class").asText())) {
            problems.add(
                    where + ".class",
                    "enum",
                    "axis " + axisId + " has class '" + axis.path("class").asText() + "'");
        }
        if (axis.path("strips").isEmpty()) {
            problems.add(where + ".strips", "required", "axis " + axisId + " has no strips");
        }
        for (JsonNode strip : axis.path("strips")) {
            if (!strip.path("frames").isArray() || strip.path("frames").isEmpty()) {
                problems.add(
                        where + ".frames",
                        "required",
                        "axis " + axisId + " has a strip with no frames");
            }
            for (JsonNode frame : strip.path("frames")) {
                checkFrame(
                        frame.path("path").asText(),
                        frame.path("sha256").asText(),
                        dir,
                        seenPaths,
                        problems);
            }
        }
    }

    private void checkFrame(
            String relative,
            String sha256,
            Path dir,
            Set<String> seenPaths,
            ImportProblems problems) {
        if (relative.isEmpty() || mediaType(relative) == null) {
            problems.add(
                    "frames.path",
                    "format",
                    "frame path '" + relative + "' is not a .png or .webp file");
            return;
        }
        Path file = dir.resolve(relative).normalize();
        if (!file.startsWith(dir) || Path.of(relative).isAbsolute()) {
            problems.add(
                    "frames.path",
                    "inside-folder",
                    "frame path '" + relative + "' leaves the stimuli folder");
            return;
        }
        if (!seenPaths.add(relative)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            problems.add("frames.path", "missing-file", "stimulus image missing: " + relative);
            return;
        }
        try {
            String actual = Secrets.sha256Hex(file);
            if (!actual.equalsIgnoreCase(sha256)) {
                problems.add(
                        "frames.sha256",
                        "checksum",
                        "checksum mismatch for "
                                + relative
                                + ": manifest "
                                + sha256
                                + ", file "
                                + actual);
            }
        } catch (IOException e) {
            problems.add(
                    "frames.path", "unreadable", "cannot read " + relative + ": " + e.getMessage());
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

    private Study store(StudyDefinition definition, String yamlText, JsonNode manifest, Path dir) {
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
            for (JsonNode model : manifest.path("models")) {
                if (model.path("id").asText().equals(entry.id())) {
                    storeModel(study, entry, model);
                }
            }
        }
        return study;
    }

    private void storeModel(Study study, StudyDefinition.ModelEntry entry, JsonNode node) {
        StudyModel model = new StudyModel();
        model.studyId = study.id;
        model.modelKey = entry.id();
        model.label = entry.label();
        model.space = node.path("space").asText(entry.space());
        model.exploration = node.path("exploration").asText("linear");
        model.distance = node.path("distance").asDouble();
        model.imageDistance = node.path("image_distance").asText("");
        model.persist();
        boolean catchTrials = study.design.catchTrials() > 0;
        for (JsonNode axisNode : node.path("axes")) {
            if (!study.design.axisClasses().contains(axisNode.path("class").asText())) {
                continue;
            }
            Axis axis = new Axis();
            axis.modelId = model.id;
            axis.axisKey = axisNode.path("id").asText();
            axis.axisClass = axisNode.path("class").asText();
            axis.rank = axisNode.path("rank").asInt();
            axis.eigenvalue =
                    axisNode.path("eigenvalue").isNumber()
                            ? axisNode.path("eigenvalue").asDouble()
                            : null;
            axis.alpha =
                    axisNode.path("alpha").isNumber() ? axisNode.path("alpha").asDouble() : null;
            axis.persist();
            for (JsonNode stripNode : axisNode.path("strips")) {
                storeStrip(study, axis, stripNode);
            }
            persistTrial(study, axis, false);
            if (catchTrials) {
                persistTrial(study, axis, true);
            }
        }
    }

    private void storeStrip(Study study, Axis axis, JsonNode node) {
        Strip strip = new Strip();
        strip.axisId = axis.id;
        strip.referenceIndex = node.path("reference").asInt();
        strip.frameDistances =
                StreamSupport.stream(node.path("frame_distances").spliterator(), false)
                        .map(JsonNode::asText)
                        .collect(Collectors.joining(";"));
        strip.persist();
        int position = 0;
        for (JsonNode frameNode : node.path("frames")) {
            Frame frame = new Frame();
            frame.studyId = study.id;
            frame.stripId = strip.id;
            frame.position = position++;
            frame.step = frameNode.path("step").asDouble();
            frame.path = frameNode.path("path").asText();
            frame.sha256 = frameNode.path("sha256").asText().toLowerCase(Locale.ROOT);
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
            return Secrets.sha256Hex(dir.resolve(MANIFEST_FILE));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
