package org.eigenstudy.geometry.stimuli.work;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eigenstudy.studyconfig.manifest.ManifestFrame;
import org.eigenstudy.studyconfig.manifest.ManifestStrip;
import org.eigenstudy.studyconfig.manifest.Sha256;

/**
 * A finished strip saved as its manifest entry. A strip is reused only when its record parses and
 * every image it names still has the recorded SHA-256, so a crash between writing the images and
 * the record, or a file edited by hand, makes the strip render again.
 */
public final class StripRecords {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StripRecords() {}

    public static void save(Path record, ManifestStrip strip) {
        try {
            AtomicFiles.write(record, MAPPER.writeValueAsBytes(strip));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<ManifestStrip> load(Path record, Path stimuliFolder) {
        if (!Files.isRegularFile(record)) {
            return Optional.empty();
        }
        try {
            ManifestStrip strip = MAPPER.readValue(record.toFile(), ManifestStrip.class);
            for (ManifestFrame frame : strip.frames()) {
                Path file = stimuliFolder.resolve(frame.path());
                if (!Files.isRegularFile(file) || !Sha256.of(file).equals(frame.sha256())) {
                    return Optional.empty();
                }
            }
            return Optional.of(strip);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
