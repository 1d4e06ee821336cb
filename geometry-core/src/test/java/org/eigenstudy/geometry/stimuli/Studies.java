package org.eigenstudy.geometry.stimuli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.geometry.Fixtures;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.StudyConfigException;
import org.eigenstudy.studyconfig.StudyConfigParser;
import org.eigenstudy.studyconfig.manifest.ManifestModel;

/** Small study configs over the committed conv fixtures, written as YAML files for the tests. */
final class Studies {
    /** A stimuli block on the 16-d fixture that renders in a few seconds. */
    static final String SMALL_STIMULI =
            """
              hessian: {points: 3, method: exact, distance: mse}
              axes: {top: 2, orthogonal: 2, orthogonal_exclude_top: 4, bottom: 2}
              references: 2
              frames: 3
              distance: 2.0
              image: {size: 24, format: png}
              seed: 5
            """;

    private Studies() {}

    /** A config with one model {@code conv} on {@code fixture}'s card, the given stimuli block. */
    static Path write(Path dir, String fixture, String space, String stimuliBlock)
            throws IOException {
        return write(dir, Fixtures.card(fixture), space, stimuliBlock);
    }

    /** A config with one model {@code conv} on the card file {@code card}. */
    static Path write(Path dir, Path card, String space, String stimuliBlock) throws IOException {
        String yaml =
                "study:\n  slug: fixture-study\n  title: \"Fixture\"\nmodels:\n  - id: conv\n"
                        + "    card: "
                        + card.toAbsolutePath()
                        + "\n    space: "
                        + space
                        + "\n    stimuli:\n"
                        + stimuliBlock.indent(6).stripTrailing()
                        + "\n";
        Path file = dir.resolve("study.yaml");
        Files.createDirectories(dir);
        Files.writeString(file, yaml);
        return file;
    }

    /** Renders the config's stimuli on the CPU into {@code out}; returns the first model. */
    static ManifestModel render(Path config, Path out) {
        return StimulusPipeline.run(
                        parse(config),
                        out,
                        RunOptions.local(DeviceChoice.CPU, 32),
                        StimulusProgress.SILENT)
                .models()
                .get(0);
    }

    static StudyConfig parse(Path file) {
        try {
            return StudyConfigParser.parse(file);
        } catch (StudyConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
