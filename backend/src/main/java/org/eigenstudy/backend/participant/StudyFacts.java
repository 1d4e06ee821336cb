package org.eigenstudy.backend.participant;

import org.eigenstudy.backend.study.Study;
import org.eigenstudy.backend.study.StudyDesign;

/** What participants see of a study version that never changes after import (not its state). */
public record StudyFacts(
        long id,
        String slug,
        int version,
        String title,
        String description,
        String instructions,
        StudyDesign design,
        String completionCode,
        String prolificCompletionUrl,
        String compensation) {

    public static StudyFacts of(Study study) {
        return new StudyFacts(
                study.id,
                study.slug,
                study.version,
                study.title,
                study.description,
                study.instructions,
                study.design,
                study.completionCode,
                study.prolificCompletionUrl,
                study.compensation);
    }
}
