package org.eigenstudy.backend.participant.service;

import java.net.URI;
import org.eigenstudy.backend.domain.Checks;
import org.eigenstudy.backend.domain.DomainException;

/** Where a participant came from, validated: the source and its ids. */
public record Arrival(
        String source,
        String externalId,
        String assignmentId,
        String hitId,
        String turkSubmitTo,
        String prolificStudyId,
        String prolificSessionId) {

    static final String MTURK_PREVIEW = "ASSIGNMENT_ID_NOT_AVAILABLE";
    private static final int MAX_ID = 200;
    // The participant page sends at most this much of navigator.userAgent.
    private static final int MAX_USER_AGENT = 200;

    public static Arrival of(StartSessionRequest request) {
        Checks checks = new Checks();
        checks.requiredText("study", request.study(), MAX_ID);
        if (request.mturk() != null && request.prolific() != null) {
            checks.fail(
                    "mturk", "one-source", "give either mturk or prolific parameters, not both");
        }
        StartSessionRequest.ClientInfo client = request.client();
        if (client != null) {
            checks.text("client.userAgent", client.userAgent(), MAX_USER_AGENT);
            checks.text("client.timeZone", client.timeZone(), 100);
            checks.text("client.language", client.language(), 100);
            checks.range("client.screenWidth", client.screenWidth(), 0, 100_000);
            checks.range("client.screenHeight", client.screenHeight(), 0, 100_000);
        }
        Arrival arrival;
        if (request.mturk() != null) {
            arrival = mturk(request.mturk(), checks);
        } else if (request.prolific() != null) {
            arrival = prolific(request.prolific(), checks);
        } else {
            arrival = new Arrival("link", null, null, null, null, null, null);
        }
        checks.throwIfAny();
        return arrival;
    }

    private static Arrival mturk(StartSessionRequest.MturkParams p, Checks checks) {
        if (MTURK_PREVIEW.equals(p.assignmentId())) {
            throw DomainException.invalid(
                    "this is an MTurk preview (assignmentId "
                            + MTURK_PREVIEW
                            + "): accept the HIT"
                            + " first; the preview endpoint shows the task without starting it",
                    "mturk.assignmentId",
                    "preview");
        }
        checks.requiredText("mturk.assignmentId", p.assignmentId(), MAX_ID);
        checks.requiredText("mturk.hitId", p.hitId(), MAX_ID);
        checks.requiredText("mturk.workerId", p.workerId(), MAX_ID);
        checks.requiredText("mturk.turkSubmitTo", p.turkSubmitTo(), MAX_ID);
        if (p.turkSubmitTo() != null && !validSubmitHost(p.turkSubmitTo())) {
            checks.fail(
                    "mturk.turkSubmitTo",
                    "url",
                    "turkSubmitTo must be an https URL (http only for localhost)");
        }
        String submitTo = p.turkSubmitTo() == null ? null : p.turkSubmitTo().replaceAll("/+$", "");
        return new Arrival(
                "mturk", p.workerId(), p.assignmentId(), p.hitId(), submitTo, null, null);
    }

    private static Arrival prolific(StartSessionRequest.ProlificParams p, Checks checks) {
        checks.requiredText("prolific.prolificPid", p.prolificPid(), MAX_ID);
        checks.requiredText("prolific.studyId", p.studyId(), MAX_ID);
        checks.requiredText("prolific.sessionId", p.sessionId(), MAX_ID);
        return new Arrival(
                "prolific", p.prolificPid(), null, null, null, p.studyId(), p.sessionId());
    }

    private static boolean validSubmitHost(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return false;
            }
            boolean local = uri.getHost().equals("localhost") || uri.getHost().equals("127.0.0.1");
            return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && local);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
