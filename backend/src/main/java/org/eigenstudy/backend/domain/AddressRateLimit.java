package org.eigenstudy.backend.domain;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eigenstudy.backend.domain.DomainException.Kind;

/**
 * A Bucket4j token bucket per client address, refilled continuously; each kind of request the
 * platform meters per address (session starts, withdrawals) has its own. Kept in memory: a restart
 * forgives everyone, which is acceptable for a guard against scripted floods and guessing.
 */
public final class AddressRateLimit {

    /** Beyond this many addresses the buckets are forgotten, so a flood cannot fill the heap. */
    private static final int MAX_TRACKED = 100_000;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bandwidth limit;
    private final String refusal;

    /**
     * {@code capacity} requests at once, refilled by {@code perPeriod} every {@code period}; {@code
     * refusal} is what a refused caller is told.
     */
    public AddressRateLimit(long capacity, long perPeriod, Duration period, String refusal) {
        this.limit = Bandwidth.builder().capacity(capacity).refillGreedy(perPeriod, period).build();
        this.refusal = refusal;
    }

    /** Takes one request from {@code client}'s bucket, or refuses (429) when it is empty. */
    public void acquire(String client) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        Bucket bucket =
                buckets.computeIfAbsent(client, c -> Bucket.builder().addLimit(limit).build());
        if (!bucket.tryConsume(1)) {
            throw new DomainException(Kind.RATE_LIMITED, refusal, null, "rate-limit");
        }
    }
}
