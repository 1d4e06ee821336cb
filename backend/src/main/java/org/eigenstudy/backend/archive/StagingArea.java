package org.eigenstudy.backend.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.commons.io.file.PathUtils;

/**
 * Where an upload is unpacked and checked before it is moved to its place under {@code root}: one
 * {@code .incoming-*} folder (and its scratch files) per upload, deleted when the upload is refused
 * or kept, and removed at start when a stop interrupted an upload (that upload was never answered,
 * so its client retries; the half-unpacked files only take space). Shared by bundles and models.
 */
public final class StagingArea {

    private static final String PREFIX = ".incoming-";

    private final Path root;

    public StagingArea(Path root) {
        this.root = root;
    }

    /** A fresh staging path under the root (on the same file system); not created. */
    public Path newPath() {
        return root.resolve(PREFIX + UUID.randomUUID());
    }

    /** A fresh, empty staging folder. */
    public Path create() {
        try {
            return Files.createDirectories(newPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a staging folder or scratch file, if it is still there. */
    public static void delete(Path path) {
        try {
            if (Files.exists(path)) {
                PathUtils.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes what interrupted uploads left under the root. */
    public void removeAbandoned() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> left = Files.newDirectoryStream(root, PREFIX + "*")) {
            left.forEach(StagingArea::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
