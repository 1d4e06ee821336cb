package org.eigenstudy.studyconfig.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads, writes and checks {@code manifest.json}. Output is deterministic: fixed field order, map
 * keys sorted, '\n' line ends, shortest round-tripping number text, a final newline and nothing the
 * caller did not put in (no timestamps), so the same stimuli give byte-identical files.
 */
public final class StimulusManifests {
    /** The file name inside a stimuli folder. */
    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper MAPPER = DeterministicJson.MAPPER;
    private static final ObjectWriter WRITER = DeterministicJson.WRITER;

    private StimulusManifests() {}

    /** Reads and validates a manifest; any problem is a {@link ManifestException}. */
    public static StimulusManifest read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            throw new ManifestException(file.toString(), List.of("(file): no such file"));
        }
        return fromJson(new String(bytes, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses and validates manifest JSON; {@code sourceName} names it in problems. */
    public static StimulusManifest fromJson(String json, String sourceName)
            throws ManifestException {
        StimulusManifest manifest;
        try {
            JsonNode tree = MAPPER.readTree(json);
            manifest =
                    tree == null || tree.isNull() || tree.isMissingNode()
                            ? null
                            : MAPPER.treeToValue(
                                    OptionalFields.filled(tree), StimulusManifest.class);
        } catch (JsonProcessingException malformed) {
            throw new ManifestException(sourceName, List.of(describe(malformed)));
        }
        if (manifest == null) {
            throw new ManifestException(sourceName, List.of("(root): is null"));
        }
        List<String> problems = validate(manifest);
        if (!problems.isEmpty()) {
            throw new ManifestException(sourceName, problems);
        }
        return manifest;
    }

    /** The consistency problems of a manifest, empty when it is valid. */
    public static List<String> validate(StimulusManifest manifest) {
        return ManifestValidator.validate(manifest);
    }

    /** The manifest as JSON text, after validating it. */
    public static String toJson(StimulusManifest manifest) throws ManifestException {
        List<String> problems = validate(manifest);
        if (!problems.isEmpty()) {
            throw new ManifestException("manifest to write", problems);
        }
        try {
            return WRITER.writeValueAsString(manifest) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("manifest records always serialise", impossible);
        }
    }

    /**
     * Validates and writes a manifest atomically (a temporary file moved into place), so a reader
     * or an interrupted run never sees half a manifest.
     */
    public static void write(StimulusManifest manifest, Path file) throws IOException {
        DeterministicJson.writeAtomically(toJson(manifest).getBytes(StandardCharsets.UTF_8), file);
    }

    /**
     * Checks that every frame file exists under {@code stimuliFolder} and has its recorded SHA-256.
     * Returns one problem per missing or changed file.
     */
    public static List<String> verifyFiles(StimulusManifest manifest, Path stimuliFolder)
            throws IOException {
        List<String> problems = new ArrayList<>();
        for (ManifestModel model : manifest.models()) {
            for (ManifestAxis axis : model.axes()) {
                for (ManifestStrip strip : axis.strips()) {
                    for (ManifestFrame frame : strip.frames()) {
                        Path file = stimuliFolder.resolve(frame.path());
                        if (!Files.isRegularFile(file)) {
                            problems.add(frame.path() + ": file is missing");
                        } else if (!Sha256.of(file).equals(frame.sha256())) {
                            problems.add(frame.path() + ": SHA-256 differs from the manifest");
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static String describe(JsonProcessingException malformed) {
        String location =
                malformed.getLocation() == null
                        ? ""
                        : "line "
                                + malformed.getLocation().getLineNr()
                                + ", column "
                                + malformed.getLocation().getColumnNr()
                                + ": ";
        return "(json): " + location + malformed.getOriginalMessage();
    }
}
