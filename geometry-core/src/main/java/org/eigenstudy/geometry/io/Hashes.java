package org.eigenstudy.geometry.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eigenstudy.geometry.GeometryException;

/** SHA-256 of bytes and files, and the check of a model file against its card. */
public final class Hashes {
    private Hashes() {}

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int r = in.read(buffer); r > 0; r = in.read(buffer)) {
                md.update(buffer, 0, r);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Fails when the file is missing, empty, or differs from a non-blank expected hash. */
    public static void verify(Path file, String expected) {
        if (!Files.isRegularFile(file)) {
            throw new GeometryException("model file not found: " + file);
        }
        try {
            if (Files.size(file) == 0) {
                throw new GeometryException("model file is empty: " + file);
            }
            if (expected != null && !expected.isBlank() && !expected.equals(sha256(file))) {
                throw new GeometryException(
                        "model file " + file + " is corrupt (sha256 differs from its card)");
            }
        } catch (IOException e) {
            throw new GeometryException("cannot read model file " + file + ": " + e.getMessage());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
