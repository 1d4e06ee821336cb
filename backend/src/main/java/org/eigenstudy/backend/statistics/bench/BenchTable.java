package org.eigenstudy.backend.statistics.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import org.eigenstudy.backend.statistics.ResponseRow;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A table shaped like the platform's responses view, filled with PostgreSQL COPY, for the benchmark
 * and the database round-trip test.
 */
public final class BenchTable {

    public static final String QUERY =
            "SELECT participant_id, model_id, space, axis_class, rank, eigenvalue, change_seen,"
                    + " magnitude, shared_count, consistency, difficulty, is_catch, catch_passed"
                    + " FROM bench_responses WHERE study_id = ?";

    private static final String DDL =
            "CREATE TABLE bench_responses (study_id bigint NOT NULL, participant_id bigint NOT NULL,"
                    + " model_id text, space text, axis_class text, rank int, eigenvalue double"
                    + " precision, change_seen boolean NOT NULL, magnitude double precision,"
                    + " shared_count smallint, consistency smallint, difficulty smallint, is_catch"
                    + " boolean NOT NULL, catch_passed boolean)";

    private static final int CHUNK = 100_000;

    private BenchTable() {}

    public static void create(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_responses");
            s.execute(DDL);
        }
    }

    /** Copies the rows in as study {@code studyId}; returns the number of rows. */
    public static long copy(Connection connection, long studyId, Iterator<ResponseRow> rows)
            throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long total = 0;
        StringBuilder chunk = new StringBuilder(CHUNK * 64);
        int inChunk = 0;
        while (rows.hasNext()) {
            line(chunk, studyId, rows.next());
            total++;
            if (++inChunk == CHUNK || !rows.hasNext()) {
                copyIn(copy, chunk);
                chunk.setLength(0);
                inChunk = 0;
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("ANALYZE bench_responses");
        }
        return total;
    }

    private static void copyIn(CopyManager copy, StringBuilder chunk) throws SQLException {
        try {
            copy.copyIn(
                    "COPY bench_responses FROM STDIN (FORMAT csv)",
                    new StringReader(chunk.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(StringBuilder b, long studyId, ResponseRow r) {
        b.append(studyId).append(',').append(r.participantId()).append(',');
        cell(b, r.modelId());
        cell(b, r.space());
        cell(b, r.axisClass() == null ? null : r.axisClass().label());
        cell(b, r.catchTrial() ? null : r.rank());
        cell(b, Double.isNaN(r.eigenvalue()) ? null : r.eigenvalue());
        cell(b, r.changeSeen());
        cell(b, r.magnitude());
        cell(b, r.sharedCount());
        cell(b, r.consistency());
        cell(b, r.difficulty());
        cell(b, r.catchTrial());
        b.append(r.catchPassed() == null ? "" : r.catchPassed().toString()).append('\n');
    }

    /** An unquoted empty field is NULL in COPY's CSV format. */
    private static void cell(StringBuilder b, Object value) {
        if (value != null) {
            b.append(value);
        }
        b.append(',');
    }
}
