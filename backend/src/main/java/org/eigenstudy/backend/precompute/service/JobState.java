package org.eigenstudy.backend.precompute.service;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A job's life: queued, running, then succeeded, failed or cancelled. */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** Its name in the database and in JSON. */
    @JsonValue
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
