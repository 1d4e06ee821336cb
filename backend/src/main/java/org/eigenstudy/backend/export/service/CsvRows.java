package org.eigenstudy.backend.export.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.eigenstudy.backend.export.store.ExportStore;

/**
 * Writes rows as RFC 4180 CSV through Jackson CSV: CRLF line ends, a field quoted only when it
 * holds a comma, quote or line break ({@code STRICT_CHECK_FOR_QUOTING}), null as an empty field.
 * Text that a spreadsheet would run as a formula (leading {@code = + - @}) gets a leading
 * apostrophe; numbers are written as they are.
 */
public final class CsvRows implements ExportStore.RowSink, AutoCloseable {

    private static final CsvMapper CSV =
            CsvMapper.builder()
                    .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                    // The response stream belongs to the HTTP layer, which closes it.
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .build();

    private final Writer out;
    private SequenceWriter rows;

    public CsvRows(Writer out) {
        this.out = out;
    }

    @Override
    public void columns(List<String> names) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        names.forEach(schema::addColumn);
        rows =
                CSV.writerFor(Object[].class)
                        .with(schema.build().withHeader().withLineSeparator("\r\n"))
                        .writeValues(out);
    }

    @Override
    public void row(Object[] values) throws IOException {
        Object[] safe = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            safe[i] = safe(values[i]);
        }
        rows.write(safe);
    }

    /** Numbers and booleans stay typed; other values are text, guarded against formulas. */
    static Object safe(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        String text = value.toString();
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        if (rows != null) {
            rows.close();
        }
        out.flush();
    }
}
