package org.eigenstudy.backend.precompute.service;

import java.time.OffsetDateTime;

/**
 * A precompute job as stored: the study file's slug and stimuli fingerprint, its state, why it
 * failed, and the bundle its stimuli became.
 */
public record PrecomputeJob(
        long id,
        String study,
        String stimuliSha256,
        JobState state,
        String failure,
        Long bundle,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {}
