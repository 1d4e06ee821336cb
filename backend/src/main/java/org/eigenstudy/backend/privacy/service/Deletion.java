package org.eigenstudy.backend.privacy.service;

import java.time.OffsetDateTime;

/**
 * One line of a study's deletion log: when, by whom ({@code participant} for a withdrawal, else the
 * researcher's user name), how the participant was named ({@code withdrawal-code} or {@code
 * external-id}, never the value) and how many sessions and answers went.
 */
public record Deletion(
        OffsetDateTime deletedAt, String actor, String matchedBy, int sessions, int responses) {}
