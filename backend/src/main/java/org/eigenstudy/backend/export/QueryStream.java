package org.eigenstudy.backend.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/**
 * Streams a query's rows to the client as CSV or JSON through a server-side cursor (fetch size rows
 * at a time), so an export of any size uses constant memory.
 */
final class QueryStream {

    private static final int FETCH_SIZE = 1000;
    private static final JsonFactory JSON = new JsonFactory();

    private QueryStream() {}

    static StreamingOutput csv(DataSource dataSource, String sql, long id) {
        return output ->
                query(
                        dataSource,
                        sql,
                        id,
                        (rs, meta) -> {
                            BufferedWriter writer =
                                    new BufferedWriter(
                                            new OutputStreamWriter(output, StandardCharsets.UTF_8),
                                            65536);
                            CsvWriter csv = new CsvWriter(writer);
                            int columns = meta.getColumnCount();
                            Object[] values = new Object[columns];
                            for (int i = 0; i < columns; i++) {
                                values[i] = meta.getColumnLabel(i + 1);
                            }
                            csv.row(values);
                            while (rs.next()) {
                                for (int i = 0; i < columns; i++) {
                                    values[i] = value(rs, meta, i + 1);
                                }
                                csv.row(values);
                            }
                            writer.flush();
                        });
    }

    static StreamingOutput json(DataSource dataSource, String sql, long id) {
        return output ->
                query(
                        dataSource,
                        sql,
                        id,
                        (rs, meta) -> {
                            try (JsonGenerator json =
                                    JSON.createGenerator(output, JsonEncoding.UTF8)) {
                                json.writeStartArray();
                                int columns = meta.getColumnCount();
                                while (rs.next()) {
                                    json.writeStartObject();
                                    for (int i = 1; i <= columns; i++) {
                                        json.writeFieldName(meta.getColumnLabel(i));
                                        writeJson(json, value(rs, meta, i));
                                    }
                                    json.writeEndObject();
                                }
                                json.writeEndArray();
                            }
                        });
    }

    private interface RowsConsumer {
        void accept(ResultSet rs, ResultSetMetaData meta) throws IOException, SQLException;
    }

    private static void query(DataSource dataSource, String sql, long id, RowsConsumer consumer)
            throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL uses a cursor (and honours the fetch size) only outside autocommit.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setLong(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    consumer.accept(rs, rs.getMetaData());
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("export query failed", e));
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

    private static void writeJson(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer n) {
            json.writeNumber(n);
        } else if (value instanceof Long n) {
            json.writeNumber(n);
        } else if (value instanceof Double n) {
            json.writeNumber(n);
        } else if (value instanceof Number n) {
            json.writeNumber(n.toString());
        } else {
            json.writeString(value.toString());
        }
    }
}
