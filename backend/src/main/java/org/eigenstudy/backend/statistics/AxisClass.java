package org.eigenstudy.backend.statistics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which kind of latent axis a trial moved along. */
public enum AxisClass {
    TOP,
    ORTHOGONAL,
    BOTTOM;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AxisClass fromLabel(String label) {
        for (AxisClass c : values()) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown axis class '" + label + "' (expected top, orthogonal or bottom)");
    }
}
