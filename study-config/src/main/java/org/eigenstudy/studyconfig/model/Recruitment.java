package org.eigenstudy.studyconfig.model;

/**
 * The {@code recruitment:} section. A null {@code completionCode} means the platform generates one
 * per study; {@code prolificCompletionUrl} may be null when the study is not run on Prolific.
 */
public record Recruitment(
        String completionCode, String prolificCompletionUrl, String compensation) {

    public static final Recruitment DEFAULT = new Recruitment(null, null, "");
}
