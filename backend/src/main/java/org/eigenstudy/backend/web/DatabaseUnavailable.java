package org.eigenstudy.backend.web;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Recognises a failure that only means "the database cannot serve right now": the connection broke
 * or was refused, or PostgreSQL is shutting down, restarting after a crash of one of its processes,
 * or recovering. Such a request is answered 503 with Retry-After, not 500: nothing was committed
 * that the client does not know of (a write whose commit was cut off is re-sent with the same id
 * and is idempotent), and a retry a moment later succeeds.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    /** The SQL failure in {@code failure}'s cause chain that says the database is unavailable. */
    public static Optional<SQLException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return Optional.of(sql);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * SQLSTATE class 08 (connection exception: refused, broken, closed), 57P01 admin shutdown,
     * 57P02 crash shutdown (another server process crashed), 57P03 cannot connect now (starting up
     * or recovering), 53300 too many connections.
     */
    static boolean unavailable(String state) {
        return state != null
                && (state.startsWith("08")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03")
                        || state.equals("53300"));
    }
}
