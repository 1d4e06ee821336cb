package org.eigenstudy.backend.participant.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * One database transaction around one participant-session call, on one Jdbi handle: the stores' own
 * {@code jdbi.withHandle} calls inside it reuse that handle (Jdbi's per-thread handle scope), so
 * every statement shares its connection and commits or rolls back with it.
 *
 * <p>Why not JTA's {@code @Transactional} as elsewhere: starts, consents, resumes and finishes are
 * a quarter of the requests of the participant load, and in the load harness (docs/reliability.md,
 * 2026-12-06 19:00 section) the JTA interceptor, the enlistment of every handle's connection and a
 * handle per statement cost a fifth of the throughput. A Jdbi local transaction has the same round
 * trips as the hand-written one it replaced: the statements, then one COMMIT.
 */
@ApplicationScoped
public class SessionTransaction {

    @Inject Jdbi jdbi;

    /** Runs {@code work} in a transaction: committed if it returns, rolled back if it throws. */
    public <T> T in(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }
}
