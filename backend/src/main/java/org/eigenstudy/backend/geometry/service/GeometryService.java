package org.eigenstudy.backend.geometry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.List;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.geometry.store.SheetStore;
import org.eigenstudy.backend.study.Study;
import org.eigenstudy.backend.study.StudyModel;
import org.eigenstudy.backend.study.StudyService;
import org.eigenstudy.studyconfig.sheets.SheetFiles;

/**
 * The model-level views of a study's stimuli. Sheets are not in the manifest, so the import does
 * not verify them; the rule here is that only study-config's sheet names for the study's own models
 * are ever read, so no other file of the folder can be reached.
 */
@ApplicationScoped
public class GeometryService {

    @Inject SheetStore store;

    /** Every model of the study with the sheet files present and its summary. */
    @Transactional
    public List<ModelGeometry> models(long studyId) {
        Study study = StudyService.require(studyId, false);
        Path folder = Path.of(study.stimuliDir);
        return StudyModel.forStudy(study.id).stream()
                .map(
                        m ->
                                new ModelGeometry(
                                        m.modelKey,
                                        m.label,
                                        present(folder, SheetFiles.contactSheet(m.modelKey)),
                                        present(folder, SheetFiles.spectrumPlot(m.modelKey)),
                                        present(folder, SheetFiles.homogeneityPlot(m.modelKey)),
                                        store.summary(folder, m.modelKey).orElse(null)))
                .toList();
    }

    /** The image {@code name} if it is one of the study's sheet images and exists; else 404. */
    @Transactional
    public SheetImage image(long studyId, String name) {
        Study study = StudyService.require(studyId, false);
        boolean known =
                StudyModel.forStudy(study.id).stream()
                        .anyMatch(m -> SheetFiles.images(m.modelKey).contains(name));
        if (!known) {
            throw DomainException.notFound("sheet " + name);
        }
        Path file =
                store.file(Path.of(study.stimuliDir), name)
                        .orElseThrow(() -> DomainException.notFound("sheet " + name));
        return new SheetImage(file, store.sha256(file));
    }

    private String present(Path folder, String name) {
        return store.file(folder, name).isPresent() ? name : null;
    }
}
