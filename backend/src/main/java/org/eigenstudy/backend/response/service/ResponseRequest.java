package org.eigenstudy.backend.response.service;

/**
 * A participant's answer as sent. Boxed types so that a missing field is told apart from zero;
 * timestamps stay text until validated.
 */
public record ResponseRequest(
        Integer trialIndex,
        Boolean changeSeen,
        Integer magnitude,
        String description,
        Integer sharedCount,
        Integer consistency,
        Integer difficulty,
        Long responseTimeMs,
        String trialStartedAt,
        String clientTimestamp) {}
