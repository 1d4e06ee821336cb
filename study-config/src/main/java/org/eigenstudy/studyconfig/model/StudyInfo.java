package org.eigenstudy.studyconfig.model;

/**
 * The {@code study:} section: identity and participant-facing texts. {@code consent} and {@code
 * debrief} are the study's own consent and closing texts (Markdown); empty, the platform's wording
 * is shown. {@code retentionDays}: how many days after a session finished its platform ids are kept
 * before they are pseudonymised; 0 keeps them until the study is deleted.
 */
public record StudyInfo(
        String slug,
        String title,
        int version,
        String description,
        String instructions,
        String consent,
        String debrief,
        int retentionDays) {}
