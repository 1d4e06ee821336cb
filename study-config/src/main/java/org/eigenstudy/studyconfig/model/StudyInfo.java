package org.eigenstudy.studyconfig.model;

/** The {@code study:} section: identity and participant-facing texts. */
public record StudyInfo(
        String slug, String title, int version, String description, String instructions) {}
