package org.eigenstudy.studyconfig.model;

import java.util.List;

/**
 * The {@code design:} section. {@code catchTrials} are added on top of {@code
 * trialsPerParticipant}; the practice trial is not counted in either. {@code maxParticipants} caps
 * the participants a study takes (null: no cap).
 */
public record Design(
        int trialsPerParticipant,
        List<AxisClass> axisClasses,
        Ordering ordering,
        Presentation presentation,
        int catchTrials,
        boolean practiceTrial,
        boolean allowRepeat,
        int sessionTimeoutMinutes,
        Exclusion exclusion,
        Integer maxParticipants) {

    public static final Design DEFAULT =
            new Design(
                    12,
                    List.of(AxisClass.TOP, AxisClass.ORTHOGONAL, AxisClass.BOTTOM),
                    Ordering.RANDOM,
                    Presentation.STRIP,
                    2,
                    true,
                    false,
                    60,
                    Exclusion.DEFAULT,
                    null);

    public Design {
        axisClasses = List.copyOf(axisClasses);
    }

    /** Trials a participant answers, catch trials included, the practice trial not. */
    public int totalTrials() {
        return trialsPerParticipant + catchTrials;
    }
}
