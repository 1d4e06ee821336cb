package org.eigenstudy.geometry.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.studyconfig.manifest.Sha256;

/** The check of a model file (TorchScript module) against the SHA-256 its card lists. */
public final class ModelFiles {
    private ModelFiles() {}

    /** Fails when the file is missing, empty, or differs from a non-blank expected hash. */
    public static void verify(Path file, String expected) {
        if (!Files.isRegularFile(file)) {
            throw new GeometryException("model file not found: " + file);
        }
        try {
            if (Files.size(file) == 0) {
                throw new GeometryException("model file is empty: " + file);
            }
            if (expected != null && !expected.isBlank() && !expected.equals(Sha256.of(file))) {
                throw new GeometryException(
                        "model file " + file + " is corrupt (sha256 differs from its card)");
            }
        } catch (IOException e) {
            throw new GeometryException("cannot read model file " + file + ": " + e.getMessage());
        }
    }
}
