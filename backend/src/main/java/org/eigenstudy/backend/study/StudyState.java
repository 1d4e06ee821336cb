package org.eigenstudy.backend.study;

/**
 * A study's life: imported as a draft, optionally piloted (the link works, sessions are marked
 * pilot), opened to participants, closed; a closed study may be reopened as the same version.
 */
public enum StudyState {
    DRAFT,
    PILOT,
    OPEN,
    CLOSED;

    /** Whether participants reach the study by its link. */
    public boolean reachable() {
        return this == PILOT || this == OPEN;
    }

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static StudyState fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
