package org.eigenstudy.backend.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A database restart is a retryable 503, anything else stays a 500. */
class DatabaseUnavailableTest {

    private final ApiExceptionMappers mappers = new ApiExceptionMappers();

    @Test
    void crashRestartOfPostgresIsAnsweredWithRetryable503() {
        // as SessionStore wraps it: another server process crashed, PostgreSQL ends every backend
        Response reply =
                mappers.unexpected(
                        new IllegalStateException(
                                "participant session storage failed",
                                new SQLException(
                                        "terminating connection because of crash of another"
                                                + " server process",
                                        "57P02")));
        assertEquals(503, reply.getStatus());
        assertEquals("2", reply.getHeaderString("Retry-After"));
        assertEquals("unavailable", ((ApiError) reply.getEntity()).rule());
    }

    @Test
    void brokenRefusedOrRecoveringConnectionsAreUnavailable() {
        for (String state : new String[] {"08006", "08001", "08003", "57P01", "57P03", "53300"}) {
            assertEquals(
                    503,
                    mappers.unexpected(new RuntimeException(new SQLException("x", state)))
                            .getStatus(),
                    state);
        }
    }

    @Test
    void otherSqlFailuresRemainInternalErrors() {
        for (String state : new String[] {"23505", "42P01", "40001", null}) {
            assertEquals(
                    500,
                    mappers.unexpected(new RuntimeException(new SQLException("x", state)))
                            .getStatus(),
                    String.valueOf(state));
        }
        assertEquals(500, mappers.unexpected(new IllegalStateException("no cause")).getStatus());
    }
}
