package org.eigenstudy.backend.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eigenstudy.backend.progress.store.ProgressStore;
import org.eigenstudy.backend.study.service.StudyService;

/** How far a study has come; one transaction, so all counts describe the same moment. */
@ApplicationScoped
public class ProgressService {

    @Inject ProgressStore store;
    @Inject StudyService studies;

    @Transactional
    public Progress progress(long studyId) {
        studies.require(studyId);
        return store.progress(studyId);
    }
}
