package org.eigenstudy.backend.participant.service;

import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.studyconfig.manifest.Sha256;

/**
 * A participant session's token: the only credential of the participant endpoints. 32 random bytes
 * as URL-safe base64 without padding; the database keeps only its SHA-256.
 */
public final class SessionToken {

    private static final int BYTES = 32;

    /** Characters of a token: 32 bytes in unpadded base64 are ceil(256 / 6) = 43 characters. */
    public static final int LENGTH = (BYTES * 8 + 5) / 6;

    private SessionToken() {}

    /** A new random token. */
    public static String create() {
        return Secrets.token(BYTES);
    }

    /** Whether {@code token} can be a token at all (a cheap check before any lookup). */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == LENGTH;
    }

    /** What the database stores of {@code token}. */
    public static String hash(String token) {
        return Sha256.of(token);
    }
}
