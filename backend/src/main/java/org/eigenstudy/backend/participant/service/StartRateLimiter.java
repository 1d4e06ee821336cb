package org.eigenstudy.backend.participant.service;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.domain.DomainException.Kind;

/**
 * A Bucket4j token bucket per client address for session starts ({@link
 * ParticipantConfig.StartRate}), refilled continuously. Kept in memory: a restart forgives
 * everyone, which is acceptable for a guard against scripted floods.
 */
@ApplicationScoped
public class StartRateLimiter {

    /** Beyond this many addresses the buckets are forgotten, so a flood cannot fill the heap. */
    private static final int MAX_TRACKED = 100_000;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bandwidth limit;

    @Inject
    StartRateLimiter(ParticipantConfig config) {
        ParticipantConfig.StartRate rate = config.startRate();
        limit =
                Bandwidth.builder()
                        .capacity(rate.capacity())
                        .refillGreedy(rate.perMinute(), Duration.ofMinutes(1))
                        .build();
    }

    /** Takes one start from {@code client}'s bucket, or refuses (429) when it is empty. */
    public void acquire(String client) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        Bucket bucket =
                buckets.computeIfAbsent(client, c -> Bucket.builder().addLimit(limit).build());
        if (!bucket.tryConsume(1)) {
            throw new DomainException(
                    Kind.RATE_LIMITED,
                    "too many sessions started from your address; wait a minute",
                    null,
                    "rate-limit");
        }
    }
}
