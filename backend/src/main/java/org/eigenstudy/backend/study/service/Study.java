package org.eigenstudy.backend.study.service;

import java.time.OffsetDateTime;
import org.eigenstudy.backend.study.StudyDesign;
import org.eigenstudy.backend.study.StudyState;

/** One imported version of a study: its texts, its trial design and where its stimuli live. */
public record Study(
        long id,
        String slug,
        int version,
        String title,
        StudyState state,
        StudyDesign design,
        String stimuliDir,
        String manifestSha256,
        String completionCode,
        String prolificCompletionUrl,
        OffsetDateTime createdAt,
        OffsetDateTime openedAt,
        OffsetDateTime closedAt) {

    /** The file-name stem of the study's downloads: {@code slug-vN}. */
    public String stem() {
        return slug + "-v" + version;
    }
}
