package org.eigenstudy.backend.study.service;

import org.eigenstudy.backend.study.StudyDesign;

/** A study version to insert as a draft, as the import has checked it. */
public record NewStudy(
        String slug,
        int version,
        String title,
        String description,
        String instructions,
        String consent,
        String debrief,
        int retentionDays,
        String configYaml,
        StudyDesign design,
        String stimuliDir,
        String manifestSha256,
        String completionCode,
        String prolificCompletionUrl,
        String compensation) {}
