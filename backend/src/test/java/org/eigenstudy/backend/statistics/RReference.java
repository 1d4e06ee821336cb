package org.eigenstudy.backend.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values written by {@code src/test/resources/statistics/reference.R} (R 4.2.2): inputs in
 * samples.csv, results in reference.csv, both keyed by case.
 */
final class RReference {

    static final double RELATIVE = 1e-8;

    private final Map<String, List<Double>> samples = new LinkedHashMap<>();
    private final Map<String, List<Double>> values = new LinkedHashMap<>();

    RReference() {
        for (String[] row : csv("samples.csv")) {
            samples.computeIfAbsent(row[0] + "/" + row[1], k -> new ArrayList<>())
                    .add(Double.parseDouble(row[2]));
        }
        for (String[] row : csv("reference.csv")) {
            values.computeIfAbsent(row[0] + "/" + row[1], k -> new ArrayList<>())
                    .add(Double.parseDouble(row[2]));
        }
    }

    double[] sample(String testCase, String variable) {
        List<Double> v = samples.get(testCase + "/" + variable);
        assertTrue(v != null, "no sample " + testCase + "/" + variable);
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    double value(String testCase, String quantity) {
        return values(testCase, quantity)[0];
    }

    double[] values(String testCase, String quantity) {
        List<Double> v = values.get(testCase + "/" + quantity);
        assertTrue(v != null, "no reference value " + testCase + "/" + quantity);
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static void assertRelative(double expected, Double actual, String what) {
        assertTrue(actual != null, what + ": no value");
        double tolerance = RELATIVE * Math.abs(expected);
        assertEquals(expected, actual, tolerance, what);
    }

    static List<String[]> csv(String name) {
        try (InputStream in = RReference.class.getResourceAsStream("/statistics/" + name)) {
            assertTrue(in != null, "missing resource " + name);
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] cells = lines[i].split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = cells[c].replace("\"", "").trim();
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
