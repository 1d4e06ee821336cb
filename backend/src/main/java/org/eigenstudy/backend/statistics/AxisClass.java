package org.eigenstudy.backend.statistics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which kind of latent axis a trial moved along. */
public enum AxisClass {
    TOP,
    ORTHOGONAL,
    BOTTOM;

    private final String label = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String label() {
        return label;
    }

    private static final AxisClass[] ALL = values();

    public static AxisClass fromLabel(String label) {
        for (AxisClass c : ALL) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown axis class '" + label + "' (expected top, orthogonal or bottom)");
    }
}
