package org.eigenstudy.backend.model.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The axis explorer's results on disk: one folder per exploration inside its model's folder ({@code
 * <model>/explorations/<key>}, so removing a model removes them), holding what geometry-core's
 * {@code directions --explore-frames} wrote. A result is computed into a staging folder and moved
 * into place whole, so a reader sees all of it or nothing, and two requests for the same key keep
 * whichever finished first.
 */
public final class ExplorationFolders {

    /** The JSON the CLI writes beside the frames. */
    public static final String RESULT = "directions.json";

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FRAME = Pattern.compile("d\\d{1,2}-f\\d{1,2}\\.png");

    private final Path root;

    public ExplorationFolders(Path modelFolder) {
        this.root = modelFolder.resolve("explorations");
    }

    /** The finished result of {@code key}, if there is one. */
    public Optional<Path> result(String key) {
        Path folder = folder(key);
        return Files.isRegularFile(folder.resolve(RESULT)) ? Optional.of(folder) : Optional.empty();
    }

    /** A fresh, empty folder to compute {@code key} into. */
    public Path staging(String key) {
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, key + ".staging-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a computed staging folder into place; a concurrent twin that won stays. */
    public Path publish(Path staging, String key) {
        Path target = folder(key);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
            discard(staging);
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw new UncheckedIOException(e);
            }
            discard(staging);
        }
        return target;
    }

    /** One frame of a finished result; empty for a name that is not a frame of it. */
    public Optional<Path> frame(String key, String file) {
        if (!KEY.matcher(key).matches() || !FRAME.matcher(file).matches()) {
            return Optional.empty();
        }
        Path frame = folder(key).resolve("explore").resolve(file);
        return Files.isRegularFile(frame) ? Optional.of(frame) : Optional.empty();
    }

    public void discard(Path staging) {
        try (var files = Files.walk(staging)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Leftover staging folders are swept with the model's folder; nothing reads them.
        }
    }

    private Path folder(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not an exploration key: " + key);
        }
        return root.resolve(key);
    }
}
