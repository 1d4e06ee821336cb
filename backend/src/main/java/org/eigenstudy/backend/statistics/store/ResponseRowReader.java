package org.eigenstudy.backend.statistics.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.eigenstudy.backend.statistics.ResponseRow;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.postgresql.PGStatement;

/**
 * Streams a study's responses from PostgreSQL into the analysis without materialising entities:
 * forward-only cursor, autocommit off (PostgreSQL only honours the fetch size inside a transaction)
 * and a fetch size of 10,000 rows, so memory does not grow with the result set.
 *
 * <p>The query must select, in this order: participant id (bigint), model id, space, axis class
 * (top/orthogonal/bottom), rank, eigenvalue, change seen, magnitude, shared count, consistency,
 * difficulty, is catch trial, catch passed; with the study id as its only parameter.
 */
public final class ResponseRowReader {

    /**
     * The platform's responses view (Flyway V2), one row per stored response. Every session counts,
     * finished or not: a response is only stored for a real participant (an MTurk preview stores
     * nothing), and participants who failed catch trials are removed by the exclusion rule of
     * {@link AnalysisOptions}, not here.
     */
    /**
     * Ordered by response id, the export's order: the mixed models' optimum is found to the
     * optimiser's precision (~1e-8), and the summation order of the rows moves it within that, so
     * without an order the report's last digits would depend on where PostgreSQL happens to keep
     * the rows (an update moves a row), and the same data could give two reports.
     */
    public static final String QUERY =
            "SELECT participant_id, model_id, space, axis_class, rank, eigenvalue, change_seen,"
                    + " magnitude, shared_count, consistency, difficulty, is_catch, catch_passed"
                    + " FROM response_analysis_v WHERE study_id = ? ORDER BY response_id";

    static final int FETCH_SIZE = 10_000;

    /** The count and largest id of a study's responses: changes whenever the responses do. */
    static final String STATE =
            "SELECT count(*), coalesce(max(response_id), 0) FROM response_analysis_v"
                    + " WHERE study_id = ?";

    /** A cheap fingerprint of a study's responses (one index scan, no rows transferred). */
    public record State(long count, long maxId) {}

    public static State state(Connection connection, long studyId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(STATE)) {
            statement.setLong(1, studyId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new State(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private final Connection connection;
    private final long studyId;
    private final String query;

    public ResponseRowReader(Connection connection, long studyId) {
        this(connection, studyId, QUERY);
    }

    public ResponseRowReader(Connection connection, long studyId, String query) {
        this.connection = connection;
        this.studyId = studyId;
        this.query = query;
    }

    /** Reads every row once, in database order, and hands it to {@code sink}; returns the count. */
    public long forEach(Consumer<ResponseRow> sink) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long count = 0;
        try (PreparedStatement statement =
                connection.prepareStatement(
                        query, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            if (statement.isWrapperFor(PGStatement.class)) {
                // A negative threshold makes pgjdbc use a server-side prepared statement at once,
                // so numbers and booleans arrive in binary instead of text to be parsed.
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            statement.setLong(1, studyId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sink.accept(row(rs));
                    count++;
                }
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
        return count;
    }

    private static ResponseRow row(ResultSet rs) throws SQLException {
        boolean isCatch = rs.getBoolean(12);
        String axisClass = rs.getString(4);
        double eigenvalue = rs.getDouble(6);
        if (rs.wasNull()) {
            eigenvalue = Double.NaN;
        }
        Boolean passed = rs.getBoolean(13);
        if (rs.wasNull()) {
            passed = null;
        }
        return new ResponseRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                axisClass == null ? null : AxisClass.fromLabel(axisClass),
                rs.getInt(5),
                eigenvalue,
                rs.getBoolean(7),
                nullableDouble(rs, 8),
                nullableInt(rs, 9),
                nullableInt(rs, 10),
                nullableInt(rs, 11),
                isCatch,
                passed);
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
