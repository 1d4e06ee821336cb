package org.eigenstudy.backend.study;

import java.util.List;

/**
 * The part of a study config that drives sessions: how many trials, which axis classes, in which
 * order, how many catch trials, repeats and the time after which an unfinished session is
 * abandoned. Stored as JSON with the study so a running study never depends on the YAML file again.
 */
public record StudyDesign(
        int trialsPerParticipant,
        List<String> axisClasses,
        String ordering,
        String presentation,
        int catchTrials,
        boolean practiceTrial,
        boolean allowRepeat,
        int sessionTimeoutMinutes,
        int maxFailedCatchTrials) {

    public int totalTrials() {
        return trialsPerParticipant + catchTrials;
    }
}
