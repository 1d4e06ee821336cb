package org.eigenstudy.backend.statistics.headline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.headline.HeadlineTrials.AxisKey;
import org.eigenstudy.studyconfig.manifest.ManifestAxis;

/** Builds the per-axis table from the trials and the axes' conditional modes. */
final class AxisTable {

    private AxisTable() {}

    static List<AxisRow> rows(
            HeadlineTrials trials,
            Map<String, Double> magnitudeEffects,
            Map<String, Double> seenEffects) {
        int axes = trials.axes.size();
        long[] n = new long[axes];
        long[] seen = new long[axes];
        long[] mn = new long[axes];
        double[] sum = new double[axes];
        double[] sumSq = new double[axes];
        for (int r = 0; r < trials.size; r++) {
            int a = trials.axis[r];
            n[a]++;
            seen[a] += trials.value(Measure.SEEN_CHANGE, r) == 1 ? 1 : 0;
            double m = trials.value(Measure.MAGNITUDE, r);
            if (Double.isFinite(m)) {
                mn[a]++;
                sum[a] += m;
                sumSq[a] += m * m;
            }
        }
        List<AxisRow> rows = new ArrayList<>();
        for (int a = 0; a < axes; a++) {
            AxisKey k = trials.axes.get(a);
            String level = k.model() + ":" + HeadlineAnalyser.axisId(k);
            Double mean = mn[a] > 0 ? sum[a] / mn[a] : null;
            Double sem = null;
            if (mn[a] > 1) {
                // Two-pass-free variance is fine here: magnitudes are 0-100, a few thousand at
                // most.
                double var = Math.max(0, (sumSq[a] - mn[a] * mean * mean) / (mn[a] - 1));
                sem = Math.sqrt(var / mn[a]);
            }
            rows.add(
                    new AxisRow(
                            k.modelId(),
                            k.space(),
                            ManifestAxis.idFor(
                                    k.modelId(),
                                    k.space(),
                                    org.eigenstudy.studyconfig.model.AxisClass.valueOf(
                                            k.axisClass().name()),
                                    k.rank()),
                            k.axisClass(),
                            k.rank(),
                            Double.isFinite(k.eigenvalue()) ? k.eigenvalue() : null,
                            n[a],
                            (double) seen[a] / n[a],
                            mn[a],
                            mean,
                            sem,
                            magnitudeEffects.get(level),
                            seenEffects.get(level)));
        }
        rows.sort(
                Comparator.comparing(AxisRow::modelId)
                        .thenComparing(AxisRow::space)
                        .thenComparing(AxisRow::axisClass)
                        .thenComparingInt(AxisRow::rank));
        return rows;
    }
}
