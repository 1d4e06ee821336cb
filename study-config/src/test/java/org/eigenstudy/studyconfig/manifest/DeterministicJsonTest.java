package org.eigenstudy.studyconfig.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterministicJsonTest {

    record Point(int x, int y) {}

    @Test
    void writesSortedKeysAndNewlineLineEndsWhateverThePlatform() throws IOException {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("b", 1);
        map.put("a", List.of(1, 2));
        assertEquals(
                "{\n  \"a\" : [ 1, 2 ],\n  \"b\" : 1\n}",
                DeterministicJson.WRITER.writeValueAsString(map));
    }

    @Test
    void readsStrictly() {
        assertThrows(
                UnrecognizedPropertyException.class,
                () -> DeterministicJson.MAPPER.readValue("{\"x\":1,\"y\":2,\"z\":3}", Point.class));
        assertThrows(
                IOException.class,
                () -> DeterministicJson.MAPPER.readValue("{\"x\":1}", Point.class));
        assertThrows(
                IOException.class,
                () -> DeterministicJson.MAPPER.readValue("{\"x\":1,\"y\":null}", Point.class));
    }

    @Test
    void writesAtomicallyLeavingNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/out.json");
        DeterministicJson.writeAtomically("{}\n".getBytes(StandardCharsets.UTF_8), file);
        DeterministicJson.writeAtomically("[]\n".getBytes(StandardCharsets.UTF_8), file);
        assertEquals("[]\n", Files.readString(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of("out.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
