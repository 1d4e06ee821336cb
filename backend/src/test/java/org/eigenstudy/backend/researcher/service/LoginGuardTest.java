package org.eigenstudy.backend.researcher.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Failed logins per user name; the map of names stays bounded without unlocking anyone. */
class LoginGuardTest {

    @Test
    void tenFailuresLockTheNameInAnyCaseAndNoOtherName() {
        LoginGuard guard = new LoginGuard();
        for (int i = 0; i < LoginGuard.FAILURES - 1; i++) {
            guard.failed("admin");
        }
        assertFalse(guard.blocked("admin"));
        guard.failed("admin");
        assertTrue(guard.blocked("admin"));
        assertTrue(guard.blocked("ADMIN"));
        assertFalse(guard.blocked("someone-else"));
    }

    @Test
    void aFloodOfFailedLoginsUnderMadeUpNamesDoesNotUnlockALockedName() {
        LoginGuard guard = new LoginGuard(50);
        for (int i = 0; i < LoginGuard.FAILURES; i++) {
            guard.failed("admin");
        }
        for (int i = 0; i < 1000; i++) {
            guard.failed("made-up-" + i);
        }
        assertTrue(guard.blocked("admin"), "the flood must not forget a locked name");
        assertFalse(guard.blocked("made-up-1"));
    }
}
