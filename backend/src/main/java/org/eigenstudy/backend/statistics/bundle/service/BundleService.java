package org.eigenstudy.backend.statistics.bundle.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eigenstudy.backend.statistics.bundle.ReproducibilityBundle;
import org.eigenstudy.backend.statistics.tidy.TidyData;
import org.eigenstudy.backend.statistics.tidy.store.TidyResponseStore;
import org.eigenstudy.backend.study.service.Study;
import org.eigenstudy.backend.study.service.StudyService;

/** A study's reproducibility bundle under the study's own exclusion rule; 404 for no study. */
@ApplicationScoped
public class BundleService {

    @Inject TidyResponseStore store;
    @Inject StudyService studies;

    /** The zip and its file name. */
    public record Bundle(String fileName, byte[] zip) {}

    @Transactional
    public Bundle bundle(long studyId) {
        Study study = studies.require(studyId);
        TidyData data = store.read(studyId, study.design().maxFailedCatchTrials());
        return new Bundle(
                study.stem() + "-bundle.zip",
                ReproducibilityBundle.zip(data, study.slug(), study.version()));
    }
}
