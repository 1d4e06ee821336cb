package org.eigenstudy.backend.participant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** Everything the participant page needs to show or resume a session. */
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
        Completion completion) {

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
                completion);
    }
}
