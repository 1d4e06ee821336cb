package org.eigenstudy.backend.participant.service;

import io.smallrye.config.ConfigMapping;

/**
 * The participant concern's settings ({@code eigenstudy.participant.*}); their defaults and
 * environment variables are in application.properties, once.
 */
@ConfigMapping(prefix = "eigenstudy.participant")
public interface ParticipantConfig {

    /** Session starts per client address. */
    StartRate startRate();

    /** A token bucket: {@code capacity} starts at once, refilled by {@code perMinute}. */
    interface StartRate {
        long capacity();

        long perMinute();
    }
}
