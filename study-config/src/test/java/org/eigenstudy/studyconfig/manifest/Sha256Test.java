package org.eigenstudy.studyconfig.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digests against FIPS 180-2's "abc" example, the empty input and coreutils' sha256sum. */
class Sha256Test {
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void bytesTextAndFilesGiveTheStandardDigests(@TempDir Path dir) throws IOException {
        assertEquals(ABC, Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(ABC, Sha256.of("abc"));
        assertEquals(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.of(""));
        // printf 'ü' | sha256sum: text is hashed as UTF-8.
        assertEquals(
                "607474ca475a9724d7360aba71a56d5df77e61350e3f724cfa1f46e857e2d85f",
                Sha256.of("\u00fc"));
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc");
        assertEquals(ABC, Sha256.of(file));
    }

    @Test
    void validHexIsSixtyFourLowerCaseDigits() {
        assertTrue(Sha256.isValid(ABC));
        assertFalse(Sha256.isValid(ABC.toUpperCase()));
        assertFalse(Sha256.isValid(ABC.substring(1)));
        assertFalse(Sha256.isValid(null));
    }
}
