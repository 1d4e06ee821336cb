package org.eigenstudy.backend.study.rest;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.backend.domain.Checks;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.study.service.StudyFiles;
import org.eigenstudy.studyconfig.manifest.StimulusManifests;

/**
 * A study to import: the config as a server path or as text, and the server folder holding the
 * stimuli and their manifest.json. Relative paths start at the server's working directory.
 */
public record ImportRequest(String configPath, String configYaml, String stimuliDir) {

    /** The request's files, read once; every field problem is reported together. */
    StudyFiles files() {
        Checks checks = new Checks();
        if ((configPath == null) == (configYaml == null)) {
            checks.fail("configPath", "one-of", "give exactly one of configPath and configYaml");
        }
        checks.requiredText("stimuliDir", stimuliDir, 4096);
        checks.text("configPath", configPath, 4096);
        checks.text("configYaml", configYaml, 1_000_000);
        checks.throwIfAny();
        Path stimuli = Path.of(stimuliDir).toAbsolutePath().normalize();
        if (!Files.isDirectory(stimuli)) {
            throw DomainException.invalid(
                    "stimuli folder not found: " + stimuli, "stimuliDir", "missing-file");
        }
        Path manifest = stimuli.resolve(StimulusManifests.FILE_NAME);
        if (configYaml != null) {
            return StudyFiles.read(configYaml, "configYaml", stimuli, manifest);
        }
        return StudyFiles.read(Path.of(configPath), manifest);
    }
}
