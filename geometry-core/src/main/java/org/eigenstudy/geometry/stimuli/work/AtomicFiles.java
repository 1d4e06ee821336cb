package org.eigenstudy.geometry.stimuli.work;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Files that appear complete or not at all: written to a temporary sibling and moved into place. An
 * interrupted run therefore leaves no half-written file that a resumed run would trust.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path file, byte[] bytes) {
        write(
                file,
                tmp -> {
                    try {
                        Files.write(tmp, bytes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Lets {@code writer} fill a temporary file, then moves it to {@code file}. */
    public static void write(Path file, Consumer<Path> writer) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".part-", ".tmp");
            try {
                writer.accept(tmp);
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
