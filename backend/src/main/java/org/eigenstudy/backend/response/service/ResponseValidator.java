package org.eigenstudy.backend.response.service;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.eigenstudy.backend.domain.Checks;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.participant.service.SessionToken;

/** The rules of an answer as sent: its client id and every field (docs/api.md, "Responses"). */
final class ResponseValidator {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    static final int MAX_DESCRIPTION = 1000;
    static final long MAX_RESPONSE_TIME_MS = 86_400_000L;

    private ResponseValidator() {}

    /**
     * The answer if everything that can be checked without the session holds (its trial index is
     * checked against the session's trials by the insert); null sends it the careful way, which
     * reports problems in the API's order (unknown session first).
     */
    static ValidResponse wellFormed(
            String token, String clientResponseId, ResponseRequest request) {
        if (!SessionToken.wellFormed(token) || !validClientId(clientResponseId)) {
            return null;
        }
        try {
            return validate(request, Integer.MAX_VALUE);
        } catch (DomainException invalid) {
            return null;
        }
    }

    /** Refuses (422) a client response id that is not 8-64 characters of A-Z a-z 0-9 _ -. */
    static void requireClientId(String clientResponseId) {
        if (!validClientId(clientResponseId)) {
            throw DomainException.invalid(
                    "clientResponseId must be 8-64 characters of A-Z a-z 0-9 _ -",
                    "clientResponseId",
                    "format");
        }
    }

    private static boolean validClientId(String clientResponseId) {
        return clientResponseId != null && CLIENT_ID.matcher(clientResponseId).matches();
    }

    /** Checks every field against a session of {@code totalTrials}; all problems at once (422). */
    static ValidResponse validate(ResponseRequest r, int totalTrials) {
        if (r == null) {
            Checks checks = new Checks();
            checks.fail(null, "required", "request body is required");
            checks.throwIfAny();
        }
        Checks checks = new Checks();
        if (checks.required("trialIndex", r.trialIndex())) {
            checks.range("trialIndex", r.trialIndex(), 0, totalTrials - 1L);
        }
        checks.required("changeSeen", r.changeSeen());
        boolean seen = Boolean.TRUE.equals(r.changeSeen());
        boolean notSeen = Boolean.FALSE.equals(r.changeSeen());
        // Magnitude, shared count and consistency only make sense once a change was seen: the page
        // asks them only then, and a value sent for "no change" is refused, not silently dropped.
        conditional(checks, "magnitude", r.magnitude(), 0, 100, seen, notSeen);
        checks.text("description", r.description(), MAX_DESCRIPTION);
        conditional(checks, "sharedCount", r.sharedCount(), 0, 5, seen, notSeen);
        conditional(checks, "consistency", r.consistency(), 1, 9, seen, notSeen);
        if (checks.required("difficulty", r.difficulty())) {
            checks.range("difficulty", r.difficulty(), 1, 9);
        }
        if (checks.required("responseTimeMs", r.responseTimeMs())) {
            checks.range("responseTimeMs", r.responseTimeMs(), 0, MAX_RESPONSE_TIME_MS);
        }
        OffsetDateTime started = timestamp(checks, "trialStartedAt", r.trialStartedAt(), false);
        OffsetDateTime client = timestamp(checks, "clientTimestamp", r.clientTimestamp(), true);
        checks.throwIfAny();
        return new ValidResponse(
                r.trialIndex(),
                r.changeSeen(),
                r.magnitude(),
                r.description(),
                r.sharedCount(),
                r.consistency(),
                r.difficulty(),
                r.responseTimeMs().intValue(),
                started,
                client);
    }

    /** A rating required when a change was seen, absent when none was (422 otherwise). */
    private static void conditional(
            Checks checks,
            String field,
            Integer value,
            int min,
            int max,
            boolean seen,
            boolean notSeen) {
        if (seen) {
            if (value == null) {
                checks.fail(
                        field, "required-if-change", field + " is required when a change was seen");
            }
            checks.range(field, value, min, max);
        } else if (notSeen && value != null) {
            checks.fail(
                    field,
                    "absent-unless-change",
                    field + " must be absent when no change was seen");
        }
    }

    private static OffsetDateTime timestamp(
            Checks checks, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                checks.fail(field, "required", field + " is required");
            }
            return null;
        }
        if (value.length() > 64) {
            checks.fail(
                    field,
                    "timestamp",
                    field + " must be an ISO-8601 time such as 2026-11-22T08:01:17.357Z");
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            checks.fail(
                    field,
                    "timestamp",
                    field + " must be an ISO-8601 time such as 2026-11-22T08:01:17.357Z");
            return null;
        }
    }
}
