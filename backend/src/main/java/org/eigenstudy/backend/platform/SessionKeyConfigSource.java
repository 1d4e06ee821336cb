package org.eigenstudy.backend.platform;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eigenstudy.backend.crypto.Secrets;

/**
 * Supplies the key that encrypts the researcher login cookie: {@code EIGENSTUDY_SESSION_KEY} when
 * set, otherwise a random key made once per process. Left unset, Quarkus would make a temporary key
 * itself and write it to the log in a warning; anyone who can read the log could then forge login
 * cookies until the next restart. This key is never logged.
 *
 * <p>Ordinal 260: above application.properties (250), so its value is used when nothing else sets
 * one, and below environment variables (300) and system properties (400), so {@code
 * QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} still wins. A profile-specific value ({@code
 * %test.quarkus.http.auth.session.encryption-key}) is looked up first, so tests keep theirs.
 */
public class SessionKeyConfigSource implements ConfigSource {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    static final String ENVIRONMENT = "EIGENSTUDY_SESSION_KEY";

    /** 32 random bytes (256 bits), as much as the AES-256 key Quarkus derives from it. */
    private static final String RANDOM_KEY = Secrets.token(32);

    private final String key;

    public SessionKeyConfigSource() {
        this(System.getenv(ENVIRONMENT));
    }

    SessionKeyConfigSource(String configured) {
        key = configured == null || configured.isBlank() ? RANDOM_KEY : configured;
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, key);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName) ? key : null;
    }

    @Override
    public int getOrdinal() {
        return 260;
    }

    @Override
    public String getName() {
        return "eigenstudy-session-key";
    }
}
