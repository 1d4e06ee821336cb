package org.eigenstudy.backend.roster.service;

/**
 * How a platform id is shown when it is not asked for: enough to tell rows apart and to match one a
 * participant quotes, not enough to identify anyone.
 */
final class ExternalIds {

    private ExternalIds() {}

    static String mask(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() <= 6) {
            return "•".repeat(id.length());
        }
        return id.substring(0, 2) + "•".repeat(id.length() - 4) + id.substring(id.length() - 2);
    }
}
