package org.eigenstudy.studyconfig.model;

/**
 * The {@code study:} section: identity and participant-facing texts. {@code consent} and {@code
 * debrief} are the study's own consent and closing texts; empty, the platform's wording is shown.
 */
public record StudyInfo(
        String slug,
        String title,
        int version,
        String description,
        String instructions,
        String consent,
        String debrief) {}
