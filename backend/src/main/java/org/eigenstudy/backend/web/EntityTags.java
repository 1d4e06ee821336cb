package org.eigenstudy.backend.web;

/**
 * Conditional GETs of files whose ETag is their SHA-256 (stimulus images, sheets): the one place
 * that reads {@code If-None-Match}, a comma-separated list of quoted tags or {@code *}.
 */
public final class EntityTags {
    private EntityTags() {}

    /** Whether the client already holds the file with this SHA-256 (answer 304). */
    public static boolean matches(String ifNoneMatch, String sha256) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || value.equals("\"" + sha256 + "\"")) {
                return true;
            }
        }
        return false;
    }
}
