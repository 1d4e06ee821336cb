package org.eigenstudy.backend.participant.store;

import java.time.OffsetDateTime;
import org.eigenstudy.backend.participant.service.SessionStatus;

/**
 * A participant session as the participant endpoints read it, with its study's current state. The
 * {@code status} is the database's {@code session_status} (V7__session_status.sql) at the time of
 * the read, never recomputed from the Java clock.
 */
public record SessionRow(
        long id,
        long studyId,
        String studyState,
        SessionStatus status,
        String source,
        String externalId,
        OffsetDateTime consentedAt,
        OffsetDateTime expiresAt,
        String completionCode,
        String assignmentId,
        String turkSubmitTo) {

    /** This session after consent at {@code at} (only an active session can consent). */
    public SessionRow withConsent(OffsetDateTime at) {
        return new SessionRow(
                id,
                studyId,
                studyState,
                SessionStatus.CONSENTED,
                source,
                externalId,
                at,
                expiresAt,
                completionCode,
                assignmentId,
                turkSubmitTo);
    }

    /** This session after completion with {@code code}. */
    public SessionRow withCompletion(String code) {
        return new SessionRow(
                id,
                studyId,
                studyState,
                SessionStatus.COMPLETED,
                source,
                externalId,
                consentedAt,
                expiresAt,
                code,
                assignmentId,
                turkSubmitTo);
    }
}
