package org.eigenstudy.backend.roster.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One session in a study's participants table. {@code externalId} is masked unless the caller asked
 * for ids and may see them; {@code catchExcluded} is the study's own rule (more failed catch trials
 * than {@code design.exclusion.max_failed_catch_trials}), {@code exclusion} the researcher's.
 */
public record RosterEntry(
        long id,
        String source,
        String externalId,
        boolean pilot,
        String state,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        Long durationSeconds,
        int trials,
        int answered,
        int catchFailed,
        boolean catchExcluded,
        @JsonInclude(JsonInclude.Include.NON_NULL) Exclusion exclusion) {

    /** A researcher's exclusion of the session: why, when and by whom. */
    public record Exclusion(String reason, OffsetDateTime at, String by) {}

    RosterEntry withExternalId(String shown) {
        return new RosterEntry(
                id,
                source,
                shown,
                pilot,
                state,
                startedAt,
                finishedAt,
                durationSeconds,
                trials,
                answered,
                catchFailed,
                catchExcluded,
                exclusion);
    }
}
