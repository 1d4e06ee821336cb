package org.eigenstudy.backend.participant.service;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.eigenstudy.backend.domain.DomainException;

/**
 * A session's status as the database's {@code session_status(state, expires_at)} defines it (the
 * one definition, V7__session_status.sql): the stored state, except that an unfinished session past
 * its time limit is {@link #ABANDONED}. Java reads it, never recomputes it.
 */
public enum SessionStatus {
    STARTED,
    CONSENTED,
    COMPLETED,
    ABANDONED;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The name in SQL and JSON. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The status {@code session_status} returned. */
    public static SessionStatus of(String label) {
        return switch (label) {
            case "started" -> STARTED;
            case "consented" -> CONSENTED;
            case "completed" -> COMPLETED;
            case "abandoned" -> ABANDONED;
            default -> throw new IllegalArgumentException("unknown session status " + label);
        };
    }

    /** Refuses writes to a finished or timed-out session (409). */
    public void requireActive() {
        if (this == COMPLETED) {
            throw DomainException.conflict("this session is already finished", "finished");
        }
        if (this == ABANDONED) {
            throw DomainException.conflict(
                    "this session timed out; start again from the study link", "expired");
        }
    }
}
