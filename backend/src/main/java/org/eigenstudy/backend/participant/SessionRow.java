package org.eigenstudy.backend.participant;

import java.time.OffsetDateTime;

/** A participant session as the participant endpoints read it, with its study's current state. */
record SessionRow(
        long id,
        long studyId,
        String studyState,
        String state,
        String source,
        String externalId,
        OffsetDateTime consentedAt,
        OffsetDateTime expiresAt,
        String completionCode,
        String assignmentId,
        String turkSubmitTo) {

    boolean completed() {
        return "completed".equals(state);
    }

    boolean expired(OffsetDateTime now) {
        return !completed() && now.isAfter(expiresAt);
    }

    /** This session after consent at {@code at}. */
    SessionRow withConsent(OffsetDateTime at) {
        return new SessionRow(
                id,
                studyId,
                studyState,
                "consented",
                source,
                externalId,
                at,
                expiresAt,
                completionCode,
                assignmentId,
                turkSubmitTo);
    }

    /** This session after completion with {@code code}. */
    SessionRow withCompletion(String code) {
        return new SessionRow(
                id,
                studyId,
                studyState,
                "completed",
                source,
                externalId,
                consentedAt,
                expiresAt,
                code,
                assignmentId,
                turkSubmitTo);
    }

    /** The state shown to clients: unfinished sessions past their timeout read as abandoned. */
    String visibleState(OffsetDateTime now) {
        return expired(now) ? "abandoned" : state;
    }
}
