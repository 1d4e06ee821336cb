package org.eigenstudy.backend.geometry.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.eigenstudy.studyconfig.sheets.ModelGeometrySummaries;
import org.eigenstudy.studyconfig.sheets.ModelGeometrySummary;
import org.eigenstudy.studyconfig.sheets.SheetFiles;

/**
 * The files of a stimuli folder's {@code sheets/}, read from disk (they are not in the database).
 * Callers pass names from study-config's {@link SheetFiles}; no other name is resolved.
 */
@ApplicationScoped
public class SheetStore {

    /** The file {@code name} in the folder's {@code sheets/}, if it exists. */
    public Optional<Path> file(Path stimuliFolder, String name) {
        Path file = stimuliFolder.resolve(SheetFiles.FOLDER).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * The model's geometry summary, if the folder has one. A damaged summary is a server-side
     * fault, not the caller's, so it surfaces as an unchecked I/O error (a 500), not a refusal.
     */
    public Optional<ModelGeometrySummary> summary(Path stimuliFolder, String model) {
        return file(stimuliFolder, SheetFiles.summary(model))
                .map(
                        file -> {
                            try {
                                return ModelGeometrySummaries.read(file);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
    }

    /** The file's current SHA-256 (sheets are not checksummed at import, so it is computed). */
    public String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
