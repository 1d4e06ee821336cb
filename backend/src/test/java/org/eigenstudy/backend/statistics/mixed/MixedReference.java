package org.eigenstudy.backend.statistics.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data sets and R reference values written by {@code
 * src/test/resources/statistics/mixed/mixed-references.R} and {@code methods-references.R} (R
 * 4.2.2, lme4 1.1-31, lmerTest 3.1-3, emmeans 1.8.4). Each value carries the R call that produced
 * it; assertion messages quote it.
 */
final class MixedReference {

    /**
     * The platform's level list (every condition); a data set's design keeps the levels it has rows
     * of, as lme4 only sees those.
     */
    static final List<String> CLASSES =
            org.eigenstudy.backend.statistics.tidy.TidyData.CLASS_LEVELS;

    static final List<String> DATASETS =
            List.of("balanced", "unbalanced", "singular", "twomodels", "repeated");

    static java.util.stream.Stream<String> datasets() {
        return DATASETS.stream();
    }

    private static final Map<String, Entry> VALUES = new HashMap<>();

    record Entry(double[] values, String call) {}

    static {
        Map<String, List<Double>> values = new HashMap<>();
        Map<String, String> calls = new HashMap<>();
        List<String[]> rows = new ArrayList<>();
        for (String file : List.of("references.csv", "methods-references.csv")) {
            List<String[]> read = csv(file);
            rows.addAll(read.subList(1, read.size()));
        }
        for (String[] row : rows) {
            String key = row[0] + "/" + row[1] + "/" + row[2];
            values.computeIfAbsent(key, x -> new ArrayList<>()).add(Double.parseDouble(row[4]));
            calls.putIfAbsent(key, row[5]);
        }
        values.forEach(
                (key, v) ->
                        VALUES.put(
                                key,
                                new Entry(
                                        v.stream().mapToDouble(Double::doubleValue).toArray(),
                                        calls.get(key))));
    }

    private MixedReference() {}

    static Entry get(String dataset, String fit, String quantity) {
        Entry e = VALUES.get(dataset + "/" + fit + "/" + quantity);
        assertTrue(e != null, "no R reference " + dataset + "/" + fit + "/" + quantity);
        return e;
    }

    static double[] values(String dataset, String fit, String quantity) {
        return get(dataset, fit, quantity).values();
    }

    static boolean has(String dataset, String fit, String quantity) {
        return VALUES.containsKey(dataset + "/" + fit + "/" + quantity);
    }

    /**
     * Asserts |actual − expected| ≤ relative · max(|expected|, floor) element by element; the floor
     * keeps a value R puts at ~0 (a variance at its bound) from demanding an impossible relative
     * agreement.
     */
    static void assertClose(
            String dataset,
            String fit,
            String quantity,
            double[] actual,
            double relative,
            double floor) {
        Entry e = get(dataset, fit, quantity);
        assertEquals(e.values().length, actual.length, quantity + " length");
        for (int i = 0; i < actual.length; i++) {
            double expected = e.values()[i];
            double tolerance = relative * Math.max(Math.abs(expected), floor);
            assertEquals(
                    expected,
                    actual[i],
                    tolerance,
                    () -> dataset + "/" + fit + ": " + quantity + " vs R " + e.call());
        }
    }

    /** Rows of data-{dataset}.csv: participant, model, axis, class, seen, magnitude, difficulty. */
    static List<String[]> data(String dataset) {
        List<String[]> rows = csv("data-" + dataset + ".csv");
        return rows.subList(1, rows.size());
    }

    /** magnitude ~ class [+ model] on the rows where a change was seen. */
    static MixedDesign magnitude(String dataset, boolean slopes, boolean axisIntercepts) {
        MixedDesign.Builder b =
                MixedDesign.builder(CLASSES).randomSlopes(slopes).axisIntercepts(axisIntercepts);
        for (String[] r : data(dataset)) {
            if (r[4].equals("1")) {
                b.add(r[0], r[1], r[2], r[3], Double.parseDouble(r[5]));
            }
        }
        return b.build();
    }

    /** seen ~ class [+ model] on all rows. */
    static MixedDesign seen(String dataset) {
        MixedDesign.Builder b = MixedDesign.builder(CLASSES);
        for (String[] r : data(dataset)) {
            b.add(r[0], r[1], r[2], r[3], Double.parseDouble(r[4]));
        }
        return b.build();
    }

    static List<String[]> csv(String name) {
        try (InputStream in =
                        MixedReference.class.getResourceAsStream("/statistics/mixed/" + name);
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                rows.add(split(line));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits one line of R's write.csv: fields optionally in double quotes, "" inside quotes. */
    private static String[] split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields.toArray(String[]::new);
    }
}
