package org.eigenstudy.backend.privacy.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.backend.privacy.store.PrivacyStore;

/**
 * A finished session's withdrawal code: its id, a dash and ten characters of an HMAC of the id
 * under its study's key ({@code study.secret_key}), e.g. {@code 1042-K7Q4X9PM2D}. Nothing is
 * stored: a reload of the completion page shows the same code, and a code is checked by computing
 * it again. Ten characters are 50 bits, so guessing one is hopeless even without the rate limit.
 */
@ApplicationScoped
public class WithdrawalCodes {

    private static final int TAG_LENGTH = 10;
    private static final Pattern FORM = Pattern.compile("^(\\d{1,18})-([A-Z2-9]{10})$");

    @Inject PrivacyStore store;

    /** The code of session {@code sessionId}. */
    public String of(long sessionId) {
        String key =
                store.keyOfSession(sessionId)
                        .orElseThrow(() -> new IllegalStateException("no session " + sessionId));
        return sessionId + "-" + tag(key, sessionId);
    }

    /** The session {@code code} names, if it is a real code (typed with spaces or in any case). */
    public Optional<Long> session(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(code.replaceAll("\\s", "").toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(m.group(1));
        return store.keyOfSession(id)
                .filter(
                        key ->
                                MessageDigest.isEqual(
                                        tag(key, id).getBytes(StandardCharsets.US_ASCII),
                                        m.group(2).getBytes(StandardCharsets.US_ASCII)))
                .map(key -> id);
    }

    private static String tag(String key, long sessionId) {
        return Secrets.keyedCode(key, "withdraw:" + sessionId, TAG_LENGTH);
    }
}
