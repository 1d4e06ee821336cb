package org.eigenstudy.geometry.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.geometry.GeometryException;

/** Pretty JSON with NaN written as null (JSON has no NaN; R and Python read null as NA/None). */
public final class Json {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    public static void write(Path file, Object value) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            MAPPER.writeValue(file.toFile(), Nulls.ofNaN(value));
        } catch (IOException e) {
            throw new GeometryException("cannot write " + file + ": " + e.getMessage());
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
