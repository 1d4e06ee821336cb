package org.eigenstudy.backend.response.service;

import java.time.Instant;

/** What a saved (or replayed) response returns: where the participant stands now. */
public record ResponseResult(
        String clientResponseId,
        int trialIndex,
        Instant receivedAt,
        int answeredTrials,
        int nextTrialIndex,
        int totalTrials) {}
