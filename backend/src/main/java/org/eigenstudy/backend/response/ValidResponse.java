package org.eigenstudy.backend.response;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eigenstudy.backend.api.Checks;

/** A response that passed every rule of the API, with parsed timestamps. */
record ValidResponse(
        int trialIndex,
        boolean changeSeen,
        Integer magnitude,
        String description,
        int sharedCount,
        int consistency,
        int difficulty,
        int responseTimeMs,
        OffsetDateTime trialStartedAt,
        OffsetDateTime clientTimestamp) {

    static final int MAX_DESCRIPTION = 1000;
    static final long MAX_RESPONSE_TIME_MS = 86_400_000L;

    /** Checks every field and reports all problems at once (422). */
    static ValidResponse of(ResponseRequest r, int totalTrials) {
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
        if (Boolean.TRUE.equals(r.changeSeen())) {
            if (r.magnitude() == null) {
                checks.fail(
                        "magnitude",
                        "required-if-change",
                        "magnitude is required when a change was seen");
            }
            checks.range("magnitude", r.magnitude(), 0, 100);
        } else if (Boolean.FALSE.equals(r.changeSeen()) && r.magnitude() != null) {
            checks.fail(
                    "magnitude",
                    "absent-unless-change",
                    "magnitude must be absent when no change was seen");
        }
        checks.text("description", r.description(), MAX_DESCRIPTION);
        if (checks.required("sharedCount", r.sharedCount())) {
            checks.range("sharedCount", r.sharedCount(), 0, 5);
        }
        if (checks.required("consistency", r.consistency())) {
            checks.range("consistency", r.consistency(), 1, 9);
        }
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

    /** A stable digest of the answer, to tell an honest retry from a changed answer. */
    String fingerprint() {
        String canonical =
                String.join(
                        "\u0001",
                        String.valueOf(trialIndex),
                        String.valueOf(changeSeen),
                        String.valueOf(magnitude),
                        description == null ? "\u0002" : description,
                        String.valueOf(sharedCount),
                        String.valueOf(consistency),
                        String.valueOf(difficulty),
                        String.valueOf(responseTimeMs),
                        trialStartedAt == null ? "" : trialStartedAt.toInstant().toString(),
                        clientTimestamp.toInstant().toString());
        return org.eigenstudy.backend.crypto.Secrets.sha256Hex(canonical);
    }
}
