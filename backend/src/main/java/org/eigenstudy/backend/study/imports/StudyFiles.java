package org.eigenstudy.backend.study.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.backend.domain.Checks;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.study.ImportRequest;
import org.eigenstudy.backend.study.Study;

/** Resolves an import request's files on the server and hands them to the importer. */
@ApplicationScoped
public class StudyFiles {

    @Inject StudyImporter importer;
    @Inject StudyConfigReader configReader;

    public Study importFrom(ImportRequest request) {
        Checks checks = new Checks();
        if (request == null) {
            throw DomainException.invalid("request body is required", null, "required");
        }
        if ((request.configPath() == null) == (request.configYaml() == null)) {
            checks.fail("configPath", "one-of", "give exactly one of configPath and configYaml");
        }
        checks.requiredText("stimuliDir", request.stimuliDir(), 4096);
        checks.text("configPath", request.configPath(), 4096);
        checks.text("configYaml", request.configYaml(), 1_000_000);
        checks.throwIfAny();
        Path stimuli = Path.of(request.stimuliDir()).toAbsolutePath().normalize();
        if (!Files.isDirectory(stimuli)) {
            throw DomainException.invalid(
                    "stimuli folder not found: " + stimuli, "stimuliDir", "missing-file");
        }
        if (request.configYaml() != null) {
            return importer.importStudy(request.configYaml(), "configYaml", stimuli, stimuli);
        }
        Path config = Path.of(request.configPath()).toAbsolutePath().normalize();
        return importer.importStudy(
                read(config), config.getFileName().toString(), config.getParent(), stimuli);
    }

    /** Imports from files (the demo study at startup). */
    public Study importFrom(Path config, Path stimuli) {
        return importer.importStudy(
                read(config.toAbsolutePath().normalize()),
                config.getFileName().toString(),
                config.toAbsolutePath().normalize().getParent(),
                stimuli);
    }

    /** The already imported version described by {@code config}. */
    public Study existing(Path config) {
        Path file = config.toAbsolutePath().normalize();
        StudyDefinition definition =
                configReader.read(read(file), file.getFileName().toString(), file.getParent());
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                Study.findVersion(definition.slug(), definition.version())
                                        .orElseThrow(() -> DomainException.notFound("study")));
    }

    private static String read(Path config) {
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
}
