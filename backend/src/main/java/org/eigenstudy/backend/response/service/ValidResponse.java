package org.eigenstudy.backend.response.service;

import java.time.OffsetDateTime;
import org.eigenstudy.studyconfig.manifest.Sha256;

/** A response that passed every rule of the API ({@link ResponseValidator}), with parsed times. */
public record ValidResponse(
        int trialIndex,
        boolean changeSeen,
        Integer magnitude,
        String description,
        Integer sharedCount,
        Integer consistency,
        int difficulty,
        int responseTimeMs,
        OffsetDateTime trialStartedAt,
        OffsetDateTime clientTimestamp) {

    /** A stable digest of the answer, to tell an honest retry from a changed answer. */
    public String fingerprint() {
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
        return Sha256.of(canonical);
    }
}
