package org.eigenstudy.backend.statistics;

import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * One answered trial as the analysis sees it. Ratings are null where the participant gave none (the
 * questionnaire asks magnitude, shared count and consistency only after a change was seen).
 *
 * @param rank eigen-rank of the axis (1 = largest eigenvalue); for orthogonal axes their index
 * @param eigenvalue the axis' eigenvalue; NaN for orthogonal axes
 * @param magnitude perceived magnitude in percent (0-100), null when no change was seen
 * @param sharedCount how many of the five images share the change (0-5), null when none was seen
 * @param consistency 1-9, 9 = the five changes are most similar; null when no change was seen
 * @param difficulty 1-9, 9 = most difficult to describe
 * @param catchPassed for catch trials: whether the participant answered correctly
 */
public record ResponseRow(
        long participantId,
        String modelId,
        String space,
        AxisClass axisClass,
        int rank,
        double eigenvalue,
        boolean changeSeen,
        Double magnitude,
        Integer sharedCount,
        Integer consistency,
        Integer difficulty,
        boolean catchTrial,
        Boolean catchPassed) {

    /** Eigen-ranks are latent dimensions; no generator has a million. */
    public static final int MAX_RANK = 1_000_000;

    /** Rejects values outside the questionnaire's scales, naming the field. */
    public void validate() {
        if (catchTrial) {
            if (catchPassed == null) {
                throw new IllegalArgumentException(
                        "participant " + participantId + ": catch trial without catch_passed");
            }
            return;
        }
        if (modelId == null || space == null || axisClass == null) {
            throw new IllegalArgumentException(
                    "participant " + participantId + ": model, space and axis class are required");
        }
        check("rank", (double) rank, 0, MAX_RANK);
        check("magnitude", magnitude, 0, 100);
        check("shared_count", sharedCount == null ? null : sharedCount.doubleValue(), 0, 5);
        check("consistency", consistency == null ? null : consistency.doubleValue(), 1, 9);
        check("difficulty", difficulty == null ? null : difficulty.doubleValue(), 1, 9);
    }

    private void check(String field, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    "participant "
                            + participantId
                            + ": "
                            + field
                            + " = "
                            + value
                            + " is outside "
                            + (long) min
                            + ".."
                            + (long) max);
        }
    }
}
