package org.eigenstudy.backend.study;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A researcher's part in a study: a viewer reads it (progress, statistics, exports), an editor also
 * changes it (pilot, open, close, delete a draft), the owner also decides who else takes part.
 */
public enum StudyRole {
    VIEWER,
    EDITOR,
    OWNER;

    /** Whether this role may do what {@code needed} may. */
    public boolean allows(StudyRole needed) {
        return compareTo(needed) >= 0;
    }

    /** Its name in the database and in JSON. */
    @JsonValue
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StudyRole fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
