package org.eigenstudy.studyconfig.manifest;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The JSON of the files geometry-core writes into a stimuli folder (manifest, geometry summaries):
 * strict reading (unknown, missing or null-for-primitive fields fail) and deterministic writing
 * (fixed field order, map keys sorted, '\n' line ends), so the same stimuli give byte-identical
 * files, written atomically so no reader sees half a file.
 */
public final class DeterministicJson {

    public static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .build();

    // The default pretty printer uses the platform line separator; fix it so files are identical.
    public static final ObjectWriter WRITER =
            MAPPER.writer(
                    new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private DeterministicJson() {}

    /** Writes {@code bytes} to a temporary sibling and moves it into place. */
    public static void writeAtomically(byte[] bytes, Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".json", ".tmp");
        try {
            Files.write(temporary, bytes);
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
