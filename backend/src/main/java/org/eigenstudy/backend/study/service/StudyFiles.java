package org.eigenstudy.backend.study.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.domain.DomainException.Kind;
import org.eigenstudy.studyconfig.Problem;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.StudyConfigException;
import org.eigenstudy.studyconfig.StudyConfigParser;
import org.eigenstudy.studyconfig.manifest.ManifestException;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.eigenstudy.studyconfig.manifest.StimulusManifest;
import org.eigenstudy.studyconfig.manifest.StimulusManifests;

/**
 * A study's files, each read and parsed once: the config (its text is kept with the study) and the
 * stimulus manifest with the SHA-256 of its bytes. The stimuli folder is the manifest's folder.
 */
public record StudyFiles(
        StudyConfig config,
        String configYaml,
        StimulusManifest manifest,
        String manifestSha256,
        Path stimuliDir) {

    /** The name config text sent in a request has in problems ({@code study.yaml:3:5: ...}). */
    public static final String TEXT_SOURCE = "study.yaml";

    /** Reads a config file; relative paths in it resolve against its folder. */
    public static StudyFiles read(Path configFile, Path manifestFile) {
        Path config = configFile.toAbsolutePath().normalize();
        return read(
                readConfig(config),
                config.getFileName().toString(),
                config.getParent(),
                manifestFile);
    }

    /** Parses config text ({@code sourceName} for problems) and reads the manifest file. */
    public static StudyFiles read(
            String configYaml, String sourceName, Path baseDirectory, Path manifestFile) {
        StudyConfig config;
        try {
            config = StudyConfigParser.parse(configYaml, sourceName, baseDirectory);
        } catch (StudyConfigException e) {
            throw new DomainException(Kind.INVALID, e.problems());
        }
        Path manifest = manifestFile.toAbsolutePath().normalize();
        return new StudyFiles(
                config, configYaml, readManifest(manifest), sha256(manifest), manifest.getParent());
    }

    /** The SHA-256 of a manifest file, to compare with the one pinned at import. */
    public static String sha256(Path manifestFile) {
        try {
            return Sha256.of(manifestFile);
        } catch (IOException e) {
            throw unreadable(manifestFile, e);
        }
    }

    private static StimulusManifest readManifest(Path file) {
        if (!Files.isRegularFile(file)) {
            throw DomainException.invalid(
                    "stimulus manifest not found: " + file, "stimuliDir", "missing-file");
        }
        // The stimuli service reads the folder's manifest by its contract name; a manifest under
        // another name would be checked here and then never served, so it is refused outright.
        if (!file.getFileName().toString().equals(StimulusManifests.FILE_NAME)) {
            throw DomainException.invalid(
                    "the stimulus manifest must be named "
                            + StimulusManifests.FILE_NAME
                            + ", not "
                            + file.getFileName(),
                    "manifest",
                    "file-name");
        }
        try {
            return StimulusManifests.read(file);
        } catch (ManifestException e) {
            throw new DomainException(
                    Kind.INVALID,
                    e.problems().stream()
                            .map(p -> Problem.of("manifest", "manifest", "manifest.json: " + p))
                            .toList());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    static String readConfig(Path config) {
        if (!Files.isRegularFile(config)) {
            throw DomainException.invalid(
                    "config file not found: " + config, "configPath", "missing-file");
        }
        try {
            return Files.readString(config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DomainException.invalid(
                    "cannot read config " + config + ": " + e.getMessage(),
                    "configPath",
                    "unreadable");
        }
    }

    private static DomainException unreadable(Path file, IOException e) {
        return DomainException.invalid(
                "cannot read stimulus manifest " + file + ": " + e.getMessage(),
                "manifest",
                "unreadable");
    }
}
