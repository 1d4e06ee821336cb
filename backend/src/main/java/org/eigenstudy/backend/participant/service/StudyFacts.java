package org.eigenstudy.backend.participant.service;

import org.eigenstudy.backend.study.StudyDesign;

/** What participants see of a study version that never changes after import (not its state). */
public record StudyFacts(
        long id,
        String slug,
        int version,
        String title,
        String description,
        String instructions,
        String consent,
        String debrief,
        StudyDesign design,
        String completionCode,
        String prolificCompletionUrl,
        String compensation) {}
