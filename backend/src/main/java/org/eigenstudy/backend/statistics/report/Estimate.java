package org.eigenstudy.backend.statistics.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A point value with an optional interval; not computable instead of NaN. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Estimate(boolean computable, String reason, Double value, Double low, Double high) {

    public static Estimate notComputable(String reason) {
        return new Estimate(false, reason, null, null, null);
    }

    public static Estimate of(double value, double low, double high) {
        if (!Double.isFinite(value) || !Double.isFinite(low) || !Double.isFinite(high)) {
            return notComputable("degenerate data: the interval is undefined");
        }
        return new Estimate(true, null, value, low, high);
    }
}
