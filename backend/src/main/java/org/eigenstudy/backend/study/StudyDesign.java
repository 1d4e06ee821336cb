package org.eigenstudy.backend.study;

import java.util.List;
import org.eigenstudy.studyconfig.model.ConfigEnum;
import org.eigenstudy.studyconfig.model.Design;

/**
 * The part of a study config that drives sessions: how many trials, which axis classes, in which
 * order, how many catch trials, repeats, the time after which an unfinished session is abandoned
 * and the participant cap (null: none; absent from studies imported before it). Stored as JSON with
 * the study so a running study never depends on the YAML file again.
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
        int maxFailedCatchTrials,
        Integer maxParticipants) {

    /** The session-driving part of a parsed config's design. */
    public static StudyDesign of(Design design) {
        return new StudyDesign(
                design.trialsPerParticipant(),
                design.axisClasses().stream().map(ConfigEnum::yamlName).toList(),
                design.ordering().yamlName(),
                design.presentation().yamlName(),
                design.catchTrials(),
                design.practiceTrial(),
                design.allowRepeat(),
                design.sessionTimeoutMinutes(),
                design.exclusion().maxFailedCatchTrials(),
                design.maxParticipants());
    }

    public int totalTrials() {
        return trialsPerParticipant + catchTrials;
    }
}
