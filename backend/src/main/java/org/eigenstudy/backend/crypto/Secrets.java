package org.eigenstudy.backend.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    /**
     * {@code length} characters of the alphabet of {@link #humanCode} drawn from HMAC-SHA256 of
     * {@code message} under {@code key}: the same inputs give the same code, and without the key no
     * one can make one (5 bits a character).
     */
    public static String keyedCode(String key, String message, int length) {
        byte[] mac = hmac(key, message);
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(CODE_ALPHABET.charAt(mac[i] & 31));
        }
        return code.toString();
    }

    private static byte[] hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
