package org.eigenstudy.backend.participant.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eigenstudy.backend.domain.AddressRateLimit;

/** Session starts per client address ({@link ParticipantConfig.StartRate}). */
@ApplicationScoped
public class StartRateLimiter {

    private final AddressRateLimit limit;

    @Inject
    StartRateLimiter(ParticipantConfig config) {
        ParticipantConfig.StartRate rate = config.startRate();
        limit =
                new AddressRateLimit(
                        rate.capacity(),
                        rate.perMinute(),
                        Duration.ofMinutes(1),
                        "too many sessions started from your address; wait a minute");
    }

    /** Takes one start from {@code client}'s bucket, or refuses (429) when it is empty. */
    public void acquire(String client) {
        limit.acquire(client);
    }
}
