package org.eigenstudy.backend.study;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.study.imports.StudyFiles;
import org.eigenstudy.studyconfig.Problem;
import org.jboss.logging.Logger;

/**
 * Imports and opens the demo study at startup when its config and stimuli exist, so that {@code
 * ./eigenstudy run} ends with a working participant link. Idempotent across restarts: an imported
 * version is only opened if it is still a draft.
 */
@ApplicationScoped
public class DemoStudy {

    private static final Logger LOG = Logger.getLogger(DemoStudy.class);

    @ConfigProperty(name = "eigenstudy.demo.config", defaultValue = "study-config/demo.yaml")
    String config;

    @ConfigProperty(
            name = "eigenstudy.demo.manifest",
            defaultValue = "data/stimuli/demo/manifest.json")
    String manifest;

    @Inject StudyFiles files;
    @Inject StudyService studies;

    /** The open demo study, importing and opening it if needed; empty when files are missing. */
    public Optional<StudyView> ensureOpen() {
        return ensureOpen(Path.of(config), Path.of(manifest));
    }

    /** As {@link #ensureOpen()} for the given config and manifest files. */
    public Optional<StudyView> ensureOpen(Path configPath, Path manifestPath) {
        Path configFile = configPath.toAbsolutePath().normalize();
        Path manifestFile = manifestPath.toAbsolutePath().normalize();
        if (!Files.isRegularFile(configFile) || !Files.isRegularFile(manifestFile)) {
            LOG.infof(
                    "No demo study: %s or %s is missing (generate the stimuli first)",
                    configFile, manifestFile);
            return Optional.empty();
        }
        try {
            Study study;
            try {
                study = files.importFrom(configFile, manifestFile.getParent());
                LOG.infof("Imported demo study '%s' version %d", study.slug, study.version);
            } catch (DomainException e) {
                if (!"exists".equals(e.problems().get(0).rule())) {
                    throw e;
                }
                study = files.existing(configFile);
            }
            if (StudyState.fromDb(study.state) == StudyState.CLOSED) {
                return Optional.of(StudyView.of(study, null));
            }
            return Optional.of(studies.open(study.id));
        } catch (DomainException e) {
            for (Problem problem : e.problems()) {
                LOG.warnf("Demo study not imported: %s", problem.message());
            }
            return Optional.empty();
        }
    }
}
