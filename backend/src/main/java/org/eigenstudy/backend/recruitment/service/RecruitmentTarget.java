package org.eigenstudy.backend.recruitment.service;

/**
 * What recruitment needs of a study version: its participant path's slug, the completion code the
 * platform shows at the end, and the study's own Prolific completion URL (null when not set).
 */
public record RecruitmentTarget(
        long id, String slug, String state, String completionCode, String prolificCompletionUrl) {}
