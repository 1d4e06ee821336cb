package org.eigenstudy.backend.recruitment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.recruitment.store.RecruitmentStore;

/** The recruitment texts of a study version, for the platform's public URL. */
@ApplicationScoped
public class RecruitmentService {

    @Inject RecruitmentStore store;

    @ConfigProperty(name = "eigenstudy.public-url")
    String publicUrl;

    public Recruitment of(long studyId) {
        return RecruitmentTexts.of(
                publicUrl,
                store.find(studyId)
                        .orElseThrow(() -> DomainException.notFound("study " + studyId)));
    }
}
