package org.eigenstudy.studyconfig.model;

/** When a participant's data is excluded from analysis. */
public record Exclusion(int maxFailedCatchTrials) {

    public static final Exclusion DEFAULT = new Exclusion(0);
}
