package org.eigenstudy.backend.roster.service;

/**
 * A finished session as the payout files need it. {@code rejection} is why it is rejected: the
 * researcher's exclusion reason, or the study's catch-trial rule; null when it is approved.
 */
public record Payee(
        String source, String externalId, String assignmentId, String hitId, String rejection) {

    boolean approved() {
        return rejection == null;
    }
}
