package org.eigenstudy.studyconfig.sheets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.studyconfig.manifest.DeterministicJson;

/**
 * Reads and writes {@link ModelGeometrySummary} JSON, strictly and deterministically like the
 * manifest ({@link DeterministicJson}), with a final newline; NaN is written as {@code null} and
 * read back ({@link NanAsNull}), so the summary round-trips through JSON.
 */
public final class ModelGeometrySummaries {

    private static final ObjectMapper MAPPER = DeterministicJson.MAPPER;
    private static final ObjectWriter WRITER = DeterministicJson.WRITER;

    private ModelGeometrySummaries() {}

    public static String toJson(ModelGeometrySummary summary) {
        try {
            return WRITER.writeValueAsString(summary) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("summary records always serialise", impossible);
        }
    }

    /** Parses summary JSON; a missing field, a wrong type or another schema is an IOException. */
    public static ModelGeometrySummary fromJson(String json, String sourceName) throws IOException {
        ModelGeometrySummary summary;
        try {
            summary = MAPPER.readValue(json, ModelGeometrySummary.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            // List.copyOf in the records rejects a missing list, surfacing as one of the last two.
            throw new IOException(sourceName + ": not a model geometry summary: " + e.getMessage());
        }
        if (summary == null || !ModelGeometrySummary.SCHEMA.equals(summary.schema())) {
            throw new IOException(sourceName + ": schema is not " + ModelGeometrySummary.SCHEMA);
        }
        return summary;
    }

    public static ModelGeometrySummary read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Writes the file atomically. */
    public static void write(ModelGeometrySummary summary, Path file) throws IOException {
        DeterministicJson.writeAtomically(toJson(summary).getBytes(StandardCharsets.UTF_8), file);
    }
}
