package org.eigenstudy.geometry.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.geometry.GeometryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    // printf abc | sha256sum
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir Path dir;

    @Test
    void acceptsAFileWithTheCardsHashOrWhenTheCardListsNone() throws IOException {
        Path file = Files.writeString(dir.resolve("g.pt"), "abc");
        ModelFiles.verify(file, ABC);
        ModelFiles.verify(file, null);
        ModelFiles.verify(file, " ");
    }

    @Test
    void refusesAMissingEmptyOrChangedFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.pt"));
        Path changed = Files.writeString(dir.resolve("changed.pt"), "abd");
        for (Object[] c :
                new Object[][] {
                    {dir.resolve("none.pt"), "not found"},
                    {empty, "is empty"},
                    {changed, "is corrupt"}
                }) {
            GeometryException e =
                    assertThrows(
                            GeometryException.class, () -> ModelFiles.verify((Path) c[0], ABC));
            assertTrue(e.getMessage().contains((String) c[1]), e.getMessage());
        }
    }
}
