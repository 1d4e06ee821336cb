package org.eigenstudy.backend.study;

/** A study's life: imported as a draft, opened to participants, then closed for good. */
public enum StudyState {
    DRAFT,
    OPEN,
    CLOSED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static StudyState fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
