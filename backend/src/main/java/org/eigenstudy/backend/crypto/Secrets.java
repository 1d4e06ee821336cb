package org.eigenstudy.backend.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable tokens and codes. Their SHA-256 (what the database keeps of a token) is
 * study-config's {@code Sha256}, the one digest helper of every module.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Secrets() {}

    /** {@code bytes} random bytes as URL-safe base64 without padding (32 bytes: 43 characters). */
    public static String token(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** A code people can type: unambiguous letters and digits. */
    public static String humanCode(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
