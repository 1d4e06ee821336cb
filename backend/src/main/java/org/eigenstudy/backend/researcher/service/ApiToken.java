package org.eigenstudy.backend.researcher.service;

import java.time.OffsetDateTime;

/** A bearer token for scripts as stored: its owner and name, never the secret nor its hash. */
public record ApiToken(
        long id,
        long researcherId,
        String name,
        OffsetDateTime createdAt,
        OffsetDateTime lastUsedAt) {}
