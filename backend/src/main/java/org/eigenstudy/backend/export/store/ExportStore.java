package org.eigenstudy.backend.export.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads an export's rows through a server-side cursor ({@value #FETCH_SIZE} rows at a time), so an
 * export of any size uses constant memory. Runs after the response has started, outside any service
 * transaction: it opens its own read-only transaction, which PostgreSQL needs to honour the fetch
 * size, and rolls it back.
 */
@ApplicationScoped
public class ExportStore {

    private static final int FETCH_SIZE = 1000;

    @Inject Jdbi jdbi;

    /** The rows of one export, column names first. */
    public enum Table {
        RESPONSES(ExportQueries.RESPONSES),
        PARTICIPANTS(ExportQueries.PARTICIPANTS),
        STIMULI(ExportQueries.STIMULI);

        private final String sql;

        Table(String sql) {
            this.sql = sql;
        }
    }

    /** Receives the column names once, then each row's values (reused between rows). */
    public interface RowSink {
        void columns(List<String> names) throws IOException;

        void row(Object[] values) throws IOException;
    }

    /**
     * Streams {@code table}'s rows of a study into {@code sink}. Values are JDBC's objects, except
     * timestamps with time zone, which are ISO-8601 instants in UTC.
     */
    public void stream(Table table, long studyId, RowSink sink) throws IOException {
        try {
            jdbi.useHandle(
                    handle -> {
                        handle.setReadOnly(true);
                        handle.begin();
                        try {
                            handle.createQuery(table.sql)
                                    .bind(0, studyId)
                                    .setFetchSize(FETCH_SIZE)
                                    .scanResultSet(
                                            (results, context) -> {
                                                copy(results.get(), sink);
                                                return null;
                                            });
                        } finally {
                            handle.rollback();
                            handle.setReadOnly(false);
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void copy(ResultSet rs, RowSink sink) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<String> names = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
            names.add(meta.getColumnLabel(i));
        }
        try {
            sink.columns(names);
            Object[] values = new Object[columns];
            while (rs.next()) {
                for (int i = 0; i < columns; i++) {
                    values[i] = value(rs, meta, i + 1);
                }
                sink.row(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(ResultSet rs, ResultSetMetaData meta, int column)
            throws SQLException {
        int type = meta.getColumnType(column);
        if (type == Types.TIMESTAMP_WITH_TIMEZONE
                || (type == Types.TIMESTAMP
                        && meta.getColumnTypeName(column).equals("timestamptz"))) {
            OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
            return time == null ? null : time.toInstant().toString();
        }
        return rs.getObject(column);
    }
}
