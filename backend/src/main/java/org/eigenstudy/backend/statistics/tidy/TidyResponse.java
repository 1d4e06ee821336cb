package org.eigenstudy.backend.statistics.tidy;

import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.ResponseRow;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * One answered (non-catch) trial of an included participant.
 *
 * @param participant the participant's id (their session), as text
 * @param model the model's key in the study
 * @param axis the axis' key, unique within its model
 * @param rank eigen-rank (1 = largest eigenvalue); for orthogonal axes their index
 * @param magnitude 0–100, null when no change was seen
 * @param sharedCount 0–5, null when no change was seen
 * @param consistency 1–9, null when no change was seen
 * @param difficulty 1–9, null when not answered
 */
public record TidyResponse(
        String participant,
        String model,
        String axis,
        AxisClass axisClass,
        int rank,
        boolean changeSeen,
        Double magnitude,
        Integer sharedCount,
        Integer consistency,
        Integer difficulty) {

    /**
     * The value of {@code measure} in this row, NaN when it has none: the same rule as the
     * descriptive analysis ({@link Measure#of}), so a follow-up rating counts only after a seen
     * change.
     */
    public double value(Measure measure) {
        return measure.of(
                new ResponseRow(
                        0,
                        model,
                        "",
                        axisClass,
                        rank,
                        Double.NaN,
                        changeSeen,
                        magnitude,
                        sharedCount,
                        consistency,
                        difficulty,
                        false,
                        null));
    }
}
