package org.eigenstudy.backend.participant.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The stores' own {@code jdbi.withHandle} calls inside {@link SessionTransaction#in} must share its
 * one connection and transaction (the start's advisory lock and row locks depend on it), and a
 * refusal must roll back what was written before it.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class SessionTransactionTest {

    @Inject SessionTransaction transaction;
    @Inject Jdbi jdbi;

    /** The server process and transaction id a statement runs in. */
    private long[] where() {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery("SELECT pg_backend_pid() AS pid, txid_current() AS tx")
                                .map(
                                        (row, context) ->
                                                new long[] {row.getLong("pid"), row.getLong("tx")})
                                .one());
    }

    @Test
    void nestedStoreCallsShareOneConnectionAndTransaction() {
        List<long[]> seen = transaction.in(() -> List.of(where(), where(), where()));
        for (long[] other : seen) {
            assertEquals(seen.get(0)[0], other[0], "backend pid");
            assertEquals(seen.get(0)[1], other[1], "transaction id");
        }
        long[] outside1 = where();
        long[] outside2 = where();
        // Outside it every statement commits on its own: a new transaction each time.
        assertEquals(outside1[1] + 1, outside2[1], "auto-commit outside");
    }

    @Test
    void aThrowRollsBackWhatWasWritten() {
        jdbi.useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS tx_probe (n INT)"));
        long before = Db.count("SELECT count(*) FROM tx_probe");
        assertThrows(
                IllegalStateException.class,
                () ->
                        transaction.in(
                                () -> {
                                    jdbi.useHandle(
                                            h -> h.execute("INSERT INTO tx_probe VALUES (1)"));
                                    throw new IllegalStateException("refused");
                                }));
        assertEquals(before, Db.count("SELECT count(*) FROM tx_probe"));
        transaction.in(() -> jdbi.withHandle(h -> h.execute("INSERT INTO tx_probe VALUES (2)")));
        assertEquals(before + 1, Db.count("SELECT count(*) FROM tx_probe"));
        jdbi.useHandle(h -> h.execute("DROP TABLE tx_probe"));
    }
}
