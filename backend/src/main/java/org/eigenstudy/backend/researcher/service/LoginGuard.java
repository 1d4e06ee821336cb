package org.eigenstudy.backend.researcher.service;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: a Bucket4j bucket of failed form logins per user name (10, refilled over
 * 15 minutes). With the bucket empty a login is refused before the password is even checked, with
 * the same 401 as a wrong password, so the answer tells a guesser nothing; successful logins cost
 * nothing. Kept in memory: a restart forgives, which bcrypt's cost still makes slow to exploit.
 */
@ApplicationScoped
public class LoginGuard {

    static final int FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    /**
     * Beyond this many names the buckets of names that are not locked are forgotten, so a flood
     * cannot fill the heap. Locked names stay locked: forgetting them too would let a flood of
     * failed logins under made-up names unlock the name being guessed.
     */
    static final int MAX_TRACKED = 100_000;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int maxTracked;

    public LoginGuard() {
        this(MAX_TRACKED);
    }

    LoginGuard(int maxTracked) {
        this.maxTracked = maxTracked;
    }

    /** Whether {@code username} has used up its failed attempts for now. */
    public boolean blocked(String username) {
        Bucket bucket = buckets.get(key(username));
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    /** Counts a failed login of {@code username}. */
    public void failed(String username) {
        if (buckets.size() > maxTracked) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() > 0);
            if (buckets.size() > maxTracked) {
                buckets.clear(); // all locked, ten failed logins each: start over
            }
        }
        buckets.computeIfAbsent(key(username), k -> newBucket()).tryConsume(1);
    }

    private static Bucket newBucket() {
        return Bucket.builder()
                .addLimit(
                        Bandwidth.builder()
                                .capacity(FAILURES)
                                .refillGreedy(FAILURES, WINDOW)
                                .build())
                .build();
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
