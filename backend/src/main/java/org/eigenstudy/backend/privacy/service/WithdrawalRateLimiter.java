package org.eigenstudy.backend.privacy.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eigenstudy.backend.domain.AddressRateLimit;

/**
 * Withdrawal tries per client address: ten at once, then ten an hour. A code has 50 secret bits, so
 * this is not what keeps codes safe; it keeps a script from hammering the endpoint, while a
 * participant who mistypes a few times is never stopped.
 */
@ApplicationScoped
public class WithdrawalRateLimiter {

    private final AddressRateLimit limit =
            new AddressRateLimit(
                    10,
                    10,
                    Duration.ofHours(1),
                    "too many withdrawal attempts from your address; try again in an hour");

    public void acquire(String client) {
        limit.acquire(client);
    }
}
