package org.eigenstudy.backend.stimuli.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.stimuli.store.StimulusFolderStore;
import org.eigenstudy.backend.study.service.StimulusFrame;
import org.eigenstudy.backend.study.service.Study;
import org.eigenstudy.backend.study.service.StudyService;

/**
 * A study's stimuli: the images participants see and the structure researchers browse. Only files
 * the import verified are served: an image must be a frame the import stored, and the manifest must
 * still have the SHA-256 pinned at import.
 */
@ApplicationScoped
public class StimulusService {

    @Inject StimulusFolderStore store;
    @Inject StudyService studies;

    /** The image at {@code path} of a study version; not found unless it is an imported frame. */
    @Transactional
    public StimulusImage image(String slug, String version, String path) {
        Study study =
                studies.version(slug, parseVersion(version))
                        .orElseThrow(() -> DomainException.notFound("image"));
        StimulusFrame frame =
                studies.frame(study, path).orElseThrow(() -> DomainException.notFound("image"));
        Path file =
                store.image(Path.of(study.stimuliDir()), frame.path())
                        .orElseThrow(() -> DomainException.notFound("image file"));
        return new StimulusImage(file, frame.sha256(), frame.mediaType());
    }

    /** The study's models, axes, strips and frames, from its manifest. */
    @Transactional
    public StimulusStructure structure(long studyId) {
        Study study = studies.require(studyId);
        StimulusFolderStore.StoredManifest stored = store.manifest(Path.of(study.stimuliDir()));
        if (!stored.sha256().equals(study.manifestSha256())) {
            throw DomainException.conflict(
                    "the stimuli folder's manifest.json changed since the study was imported",
                    "manifest-changed");
        }
        return StimulusStructure.of(study.slug(), study.version(), stored.manifest());
    }

    private static int parseVersion(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw DomainException.notFound("image");
        }
    }
}
