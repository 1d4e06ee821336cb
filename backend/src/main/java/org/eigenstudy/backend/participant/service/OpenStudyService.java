package org.eigenstudy.backend.participant.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What anyone may see of an open study, including the MTurk preview. Stores nothing, and reads only
 * what never changes after import besides which version is open, so it needs no transaction: each
 * read commits on its own.
 */
@ApplicationScoped
public class OpenStudyService {

    @Inject TrialViews views;
    @Inject StudyCatalog studies;

    /** The study summary plus a worked example trial. */
    public record Preview(StudySummary study, TrialView example) {}

    public StudySummary summary(String slug) {
        return summary(studies.open(slug));
    }

    public Preview preview(String slug) {
        StudyFacts study = studies.open(slug);
        return new Preview(summary(study), views.example(study, List.of()));
    }

    private static StudySummary summary(StudyFacts study) {
        return StudySummary.of(study, "open", study.design().totalTrials());
    }
}
