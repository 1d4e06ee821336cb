package org.eigenstudy.backend.statistics.tables;

import java.util.List;
import org.eigenstudy.backend.statistics.headline.AxisRow;
import org.eigenstudy.backend.statistics.report.AnalysisReport;

/**
 * The per-axis table as CSV (RFC 4180, one row per axis; an empty cell where a value is undefined).
 * Numbers are written with Java's shortest round-trip representation, so nothing is lost.
 */
public final class AxesCsv {

    public static final List<String> HEADER =
            List.of(
                    "model",
                    "space",
                    "axis_id",
                    "axis_class",
                    "rank",
                    "eigenvalue",
                    "trials",
                    "seen_fraction",
                    "magnitude_trials",
                    "mean_magnitude",
                    "magnitude_sem",
                    "magnitude_axis_effect",
                    "seen_axis_effect_logit");

    private AxesCsv() {}

    public static String export(AnalysisReport report) {
        StringBuilder b = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        if (report.headline() == null) {
            return b.toString();
        }
        for (AxisRow r : report.headline().axes()) {
            b.append(quote(r.modelId()))
                    .append(',')
                    .append(quote(r.space()))
                    .append(',')
                    .append(quote(r.axisId()))
                    .append(',')
                    .append(r.axisClass().label())
                    .append(',')
                    .append(r.rank())
                    .append(',')
                    .append(number(r.eigenvalue()))
                    .append(',')
                    .append(r.trials())
                    .append(',')
                    .append(number(r.seenFraction()))
                    .append(',')
                    .append(r.magnitudeTrials())
                    .append(',')
                    .append(number(r.meanMagnitude()))
                    .append(',')
                    .append(number(r.magnitudeSem()))
                    .append(',')
                    .append(number(r.magnitudeEffect()))
                    .append(',')
                    .append(number(r.seenEffect()))
                    .append("\r\n");
        }
        return b.toString();
    }

    private static String number(Double v) {
        return v == null ? "" : Double.toString(v);
    }

    private static String quote(String s) {
        boolean plain = s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
