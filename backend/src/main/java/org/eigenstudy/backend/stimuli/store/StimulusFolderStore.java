package org.eigenstudy.backend.stimuli.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.eigenstudy.studyconfig.manifest.StimulusManifest;
import org.eigenstudy.studyconfig.manifest.StimulusManifests;

/**
 * The files of a study's stimuli folder on disk: its {@code manifest.json} and its images. No SQL:
 * what the import stored about them (frame paths, checksums) is the study concern's.
 */
@ApplicationScoped
public class StimulusFolderStore {

    /** A manifest as read, with the SHA-256 of its bytes (to compare with the pinned one). */
    public record StoredManifest(String sha256, StimulusManifest manifest) {}

    /**
     * Reads and validates {@code manifest.json}. It was checked at import; a missing or damaged one
     * now is a server-side fault (a 500), not the caller's.
     */
    public StoredManifest manifest(Path stimuliFolder) {
        Path file = stimuliFolder.resolve(StimulusManifests.FILE_NAME);
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new StoredManifest(
                    Sha256.of(bytes),
                    StimulusManifests.fromJson(
                            new String(bytes, StandardCharsets.UTF_8), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image at {@code relativePath} in the folder, if it exists. */
    public Optional<Path> image(Path stimuliFolder, String relativePath) {
        Path file = stimuliFolder.resolve(relativePath);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
