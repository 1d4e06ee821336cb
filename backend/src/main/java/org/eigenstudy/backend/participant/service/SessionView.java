package org.eigenstudy.backend.participant.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything the participant page needs to show or resume a session. {@code expiresAt} is the time
 * limit of an unfinished session; past it {@code state} reads {@code abandoned} and {@code
 * canStartAgain} says whether a new start with the same parameters would be accepted now.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SessionView(
        String token,
        String state,
        String source,
        StudySummary study,
        OffsetDateTime consentedAt,
        int totalTrials,
        int answeredTrials,
        int nextTrialIndex,
        TrialView practice,
        List<TrialView> trials,
        Completion completion,
        OffsetDateTime expiresAt,
        boolean canStartAgain) {

    public SessionView withToken(String newToken) {
        return new SessionView(
                newToken,
                state,
                source,
                study,
                consentedAt,
                totalTrials,
                answeredTrials,
                nextTrialIndex,
                practice,
                trials,
                completion,
                expiresAt,
                canStartAgain);
    }
}
