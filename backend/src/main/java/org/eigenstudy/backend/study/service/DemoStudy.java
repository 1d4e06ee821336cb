package org.eigenstudy.backend.study.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.study.StudyState;
import org.eigenstudy.studyconfig.Problem;
import org.jboss.logging.Logger;

/**
 * Imports and opens the demo study at startup when its config and stimuli exist, so that {@code
 * ./eigenstudy run} ends with a working participant link. Idempotent across restarts: a version
 * already imported from the same manifest (same SHA-256) is reused without a new import attempt,
 * and opened only if it is still a draft.
 */
@ApplicationScoped
public class DemoStudy {

    private static final Logger LOG = Logger.getLogger(DemoStudy.class);

    @Inject DemoStudyConfig settings;
    @Inject StudyImportService importer;
    @Inject StudyService studies;

    /** The open demo study, importing and opening it if needed; empty when files are missing. */
    public Optional<StudyView> ensureOpen() {
        return ensureOpen(Path.of(settings.config()), Path.of(settings.manifest()));
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
            StudyFiles files = StudyFiles.read(configFile, manifestFile);
            Study study = existing(files).orElseGet(() -> imported(files));
            if (study.state() == StudyState.CLOSED) {
                return Optional.of(StudyView.of(study, null));
            }
            return Optional.of(studies.open(study.id()));
        } catch (DomainException e) {
            for (Problem problem : e.problems()) {
                LOG.warnf("Demo study not imported: %s", problem.message());
            }
            return Optional.empty();
        }
    }

    private Optional<Study> existing(StudyFiles files) {
        Optional<Study> study =
                studies.version(files.config().study().slug(), files.config().study().version());
        study.filter(s -> !s.manifestSha256().equals(files.manifestSha256()))
                .ifPresent(
                        s ->
                                LOG.warnf(
                                        "Demo study '%s' version %d was imported from another"
                                                + " manifest; raise study.version to import the"
                                                + " new stimuli",
                                        s.slug(), s.version()));
        return study;
    }

    private Study imported(StudyFiles files) {
        Study study = importer.importStudy(files);
        LOG.infof("Imported demo study '%s' version %d", study.slug(), study.version());
        return study;
    }
}
