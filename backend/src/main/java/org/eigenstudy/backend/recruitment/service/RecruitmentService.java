package org.eigenstudy.backend.recruitment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eigenstudy.backend.study.service.Study;
import org.eigenstudy.backend.study.service.StudyService;

/** The recruitment texts of a study version, for the platform's public URL. */
@ApplicationScoped
public class RecruitmentService {

    @Inject StudyService studies;

    @ConfigProperty(name = "eigenstudy.public-url")
    String publicUrl;

    public Recruitment of(long studyId) {
        Study study = studies.require(studyId);
        return RecruitmentTexts.of(
                publicUrl,
                new RecruitmentTarget(
                        study.id(),
                        study.slug(),
                        study.state().dbValue(),
                        study.completionCode(),
                        study.prolificCompletionUrl()));
    }
}
