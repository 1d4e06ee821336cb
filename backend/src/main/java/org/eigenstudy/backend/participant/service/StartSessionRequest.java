package org.eigenstudy.backend.participant.service;

/**
 * How a participant arrived: at most one of {@code mturk} and {@code prolific}; neither means a
 * plain link.
 */
public record StartSessionRequest(
        String study, MturkParams mturk, ProlificParams prolific, ClientInfo client) {

    /** The query parameters of a Mechanical Turk ExternalQuestion URL. */
    public record MturkParams(
            String assignmentId, String hitId, String workerId, String turkSubmitTo) {}

    /** Prolific's PROLIFIC_PID, STUDY_ID and SESSION_ID. */
    public record ProlificParams(String prolificPid, String studyId, String sessionId) {}

    /** What the browser says about itself. */
    public record ClientInfo(
            String userAgent,
            Integer screenWidth,
            Integer screenHeight,
            String timeZone,
            String language) {}
}
