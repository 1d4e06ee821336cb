package org.eigenstudy.backend.participant;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per client address for session starts: {@code capacity} starts at once, refilled
 * at {@code perMinute}. Kept in memory: a restart forgives everyone, which is acceptable for a
 * guard against scripted floods.
 */
@ApplicationScoped
public class StartRateLimiter {

    private static final int MAX_TRACKED = 100_000;

    @ConfigProperty(name = "eigenstudy.rate-limit.session-starts.capacity", defaultValue = "20")
    int capacity;

    @ConfigProperty(name = "eigenstudy.rate-limit.session-starts.per-minute", defaultValue = "30")
    double perMinute;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }
    }

    /** Takes one start from {@code client}'s bucket; false when it is empty. */
    public boolean tryAcquire(String client) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        synchronized (bucket) {
            double refill = (now - bucket.updatedNanos) / 60e9 * perMinute;
            bucket.tokens = Math.min(capacity, bucket.tokens + refill);
            bucket.updatedNanos = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }
}
