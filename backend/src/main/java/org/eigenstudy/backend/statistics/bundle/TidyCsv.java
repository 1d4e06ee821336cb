package org.eigenstudy.backend.statistics.bundle;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.statistics.tidy.TidyResponse;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * The bundle's {@code responses.csv}: RFC 4180 with a header row, one row per response, an empty
 * cell for NA (R's {@code read.csv(na.strings = "")}).
 */
public final class TidyCsv {

    private static final CsvMapper MAPPER = new CsvMapper();

    private TidyCsv() {}

    public static String write(List<TidyResponse> rows) {
        CsvSchema.Builder schema = CsvSchema.builder();
        for (TidyColumn c : TidyColumn.values()) {
            schema.addColumn(c.header());
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        for (TidyResponse r : rows) {
            Object[] row = new Object[TidyColumn.values().length];
            for (TidyColumn c : TidyColumn.values()) {
                row[c.ordinal()] = c.of(r);
            }
            values.add(row);
        }
        try {
            return MAPPER.writer(schema.build().withHeader().withLineSeparator("\n"))
                    .writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a file in this format (a bundle's, or a fixture's) back into responses. */
    public static List<TidyResponse> read(String csv) {
        List<TidyResponse> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it =
                MAPPER.readerFor(Map.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(csv)) {
            while (it.hasNext()) {
                Map<String, String> r = it.next();
                out.add(
                        new TidyResponse(
                                r.get("participant"),
                                r.get("model"),
                                r.get("axis"),
                                AxisClass.fromLabel(r.get("axis_class")),
                                Integer.parseInt(r.get("rank")),
                                "1".equals(r.get("change_seen")),
                                number(r.get("magnitude")),
                                integer(r.get("shared_count")),
                                integer(r.get("consistency")),
                                integer(r.get("difficulty"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Double number(String s) {
        return s == null || s.isEmpty() || s.equals("NA") ? null : Double.valueOf(s);
    }

    private static Integer integer(String s) {
        return s == null || s.isEmpty() || s.equals("NA") ? null : Integer.valueOf(s);
    }
}
