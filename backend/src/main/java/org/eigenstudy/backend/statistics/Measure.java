package org.eigenstudy.backend.statistics;

import com.fasterxml.jackson.annotation.JsonValue;

/** The per-trial quantities the study compares between axis classes. */
public enum Measure {
    SEEN_CHANGE("seen_change", "saw any change"),
    MAGNITUDE("magnitude", "magnitude when a change was seen"),
    CONSISTENCY("consistency", "consistency (1-9)"),
    DIFFICULTY("difficulty", "difficulty (1-9)"),
    SHARED_COUNT("shared_count", "images sharing the change (0-5)");

    /** The measures compared by t-tests and rank tests (seen-change is a proportion). */
    public static final Measure[] CONTINUOUS = {MAGNITUDE, CONSISTENCY, DIFFICULTY, SHARED_COUNT};

    private final String key;
    private final String title;

    Measure(String key, String title) {
        this.key = key;
        this.title = title;
    }

    @JsonValue
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /**
     * The value of this measure in a row, NaN when the row has none. Magnitude, consistency and
     * shared count are follow-ups of a seen change: for "no change" they are NaN even where a row
     * stored before the API made them conditional (Flyway V5) still carries a value.
     */
    public double of(ResponseRow row) {
        return switch (this) {
            case SEEN_CHANGE -> row.changeSeen() ? 1.0 : 0.0;
            case MAGNITUDE -> followUp(row, row.magnitude());
            case CONSISTENCY -> followUp(row, row.consistency());
            case DIFFICULTY -> row.difficulty() == null ? Double.NaN : row.difficulty();
            case SHARED_COUNT -> followUp(row, row.sharedCount());
        };
    }

    private static double followUp(ResponseRow row, Number value) {
        return row.changeSeen() && value != null ? value.doubleValue() : Double.NaN;
    }
}
