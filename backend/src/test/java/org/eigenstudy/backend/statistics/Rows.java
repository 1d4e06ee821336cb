package org.eigenstudy.backend.statistics;

import org.eigenstudy.studyconfig.model.AxisClass;

/** Small builders of response rows for hand-made edge cases. */
final class Rows {

    private Rows() {}

    static ResponseRow trial(long participant, AxisClass c, boolean seen, Integer consistency) {
        return trial(participant, "m", c, 1, seen, seen ? 60.0 : null, consistency);
    }

    static ResponseRow trial(
            long participant,
            String model,
            AxisClass c,
            int rank,
            boolean seen,
            Double magnitude,
            Integer consistency) {
        return new ResponseRow(
                participant,
                model,
                "z",
                c,
                rank,
                c == AxisClass.ORTHOGONAL ? Double.NaN : Math.exp(-rank),
                seen,
                magnitude,
                seen ? 3 : null,
                consistency,
                5,
                false,
                null);
    }
}
