package org.eigenstudy.backend.recruitment.service;

import java.util.List;

/**
 * What a researcher pastes into the recruitment platforms for one study version.
 *
 * @param participantUrl the plain participant link (any source)
 * @param warnings why the texts would not work yet (empty when they would)
 */
public record Recruitment(
        long studyId,
        String participantUrl,
        Mturk mturk,
        Prolific prolific,
        List<String> warnings) {

    /**
     * @param externalQuestion the ExternalQuestion XML for CreateHIT's {@code Question} (MTurk adds
     *     assignmentId, hitId, workerId and turkSubmitTo to the URL itself)
     */
    public record Mturk(String externalQuestion, String instructions) {}

    /**
     * @param studyUrl the study URL with Prolific's placeholders for PROLIFIC_PID, STUDY_ID and
     *     SESSION_ID
     * @param completionCode the code to enter in Prolific; participants are sent back with it
     * @param completionUrl where a finished participant is sent
     */
    public record Prolific(
            String studyUrl, String completionCode, String completionUrl, String instructions) {}
}
