package org.eigenstudy.backend.geometry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.List;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.geometry.store.SheetStore;
import org.eigenstudy.backend.study.service.Study;
import org.eigenstudy.backend.study.service.StudyService;
import org.eigenstudy.studyconfig.sheets.SheetFiles;

/**
 * The model-level views of a study's stimuli. Sheets are not in the manifest, so the import does
 * not verify them; the rule here is that only study-config's sheet names for the study's own models
 * are ever read, so no other file of the folder can be reached.
 */
@ApplicationScoped
public class GeometryService {

    @Inject SheetStore store;
    @Inject StudyService studies;

    /** Every model of the study with the sheet files present and its summary. */
    @Transactional
    public List<ModelGeometry> models(long studyId) {
        Study study = studies.require(studyId);
        Path folder = Path.of(study.stimuliDir());
        return studies.models(study).stream()
                .map(
                        m ->
                                new ModelGeometry(
                                        m.modelKey(),
                                        m.label(),
                                        present(folder, SheetFiles.contactSheet(m.modelKey())),
                                        present(folder, SheetFiles.spectrumPlot(m.modelKey())),
                                        present(folder, SheetFiles.homogeneityPlot(m.modelKey())),
                                        store.summary(folder, m.modelKey()).orElse(null)))
                .toList();
    }

    /** The image {@code name} if it is one of the study's sheet images and exists; else 404. */
    @Transactional
    public SheetImage image(long studyId, String name) {
        Study study = studies.require(studyId);
        boolean known =
                studies.models(study).stream()
                        .anyMatch(m -> SheetFiles.images(m.modelKey()).contains(name));
        if (!known) {
            throw DomainException.notFound("sheet " + name);
        }
        Path file =
                store.file(Path.of(study.stimuliDir()), name)
                        .orElseThrow(() -> DomainException.notFound("sheet " + name));
        return new SheetImage(file, store.sha256(file));
    }

    private String present(Path folder, String name) {
        return store.file(folder, name).isPresent() ? name : null;
    }
}
