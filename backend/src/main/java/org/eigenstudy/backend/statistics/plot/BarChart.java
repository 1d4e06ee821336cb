package org.eigenstudy.backend.statistics.plot;

import java.awt.Color;
import java.util.List;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.report.ClassReport;
import org.eigenstudy.backend.statistics.report.GroupReport;
import org.eigenstudy.backend.statistics.report.MeasureSummary;

/** Bars of one measure per axis class (colours) and model (groups), with ±SEM whiskers. */
final class BarChart {

    private final AnalysisReport report;
    private final Measure measure;

    BarChart(AnalysisReport report, Measure measure) {
        this.report = report;
        this.measure = measure;
    }

    void draw(Canvas c) {
        int groups = report.groups().size();
        // Every group reports the same classes (the metric's three and the methods with trials).
        List<ClassReport> shown = report.groups().get(0).classes();
        int bars = shown.size();
        double[][] value = new double[groups][bars];
        double[][] error = new double[groups][bars];
        for (int g = 0; g < groups; g++) {
            for (int k = 0; k < bars; k++) {
                ClassReport cls = report.groups().get(g).classes().get(k);
                fill(cls, value[g], error[g], k);
            }
        }
        ChartFrame frame = new ChartFrame(scaleMax(measure), true);
        String unit = measure == Measure.SEEN_CHANGE || measure == Measure.MAGNITUDE ? " (%)" : "";
        frame.draw(c, measure.title() + ": mean \u00b1 SEM", measure.key() + unit);
        double slot = (ChartFrame.RIGHT - ChartFrame.LEFT) / groups;
        double bar = slot * 0.8 / bars;
        for (int g = 0; g < groups; g++) {
            GroupReport group = report.groups().get(g);
            double x0 = ChartFrame.LEFT + g * slot + slot * 0.1;
            for (int k = 0; k < bars; k++) {
                if (Double.isNaN(value[g][k])) {
                    continue;
                }
                double x = x0 + k * bar;
                double top = frame.y(value[g][k]);
                c.rect(
                        x,
                        top,
                        bar * 0.9,
                        ChartFrame.BOTTOM - top,
                        ChartFrame.CLASS_COLORS[shown.get(k).axisClass().ordinal()],
                        "bar");
                double mid = x + bar * 0.45;
                double hi = frame.y(value[g][k] + error[g][k]);
                double lo = frame.y(value[g][k] - error[g][k]);
                c.line(mid, hi, mid, lo, Color.BLACK, 1.2);
                c.line(mid - 4, hi, mid + 4, hi, Color.BLACK, 1.2);
                c.line(mid - 4, lo, mid + 4, lo, Color.BLACK, 1.2);
            }
            c.text(
                    x0 + bars * bar / 2,
                    ChartFrame.BOTTOM + 20,
                    group.label(),
                    12,
                    Canvas.Anchor.MIDDLE);
        }
        frame.legend(c, shown.stream().mapToInt(k -> k.axisClass().ordinal()).toArray());
    }

    /**
     * The top of the answer scale, so charts of one measure compare at a glance and a rating axis
     * ends at 9, not at 1.15 × the largest bar.
     */
    static double scaleMax(Measure measure) {
        return switch (measure) {
            case SEEN_CHANGE, MAGNITUDE -> 100;
            case CONSISTENCY, DIFFICULTY -> 9;
            case SHARED_COUNT -> 5;
        };
    }

    private void fill(ClassReport cls, double[] value, double[] error, int k) {
        value[k] = Double.NaN;
        if (measure == Measure.SEEN_CHANGE) {
            if (cls.seenChange().computable()) {
                double p = cls.seenChange().fraction();
                value[k] = 100 * p;
                error[k] = 100 * Math.sqrt(p * (1 - p) / cls.trials());
            }
            return;
        }
        MeasureSummary s = cls.measures().get(measure.key());
        if (s.computable()) {
            value[k] = s.mean();
            error[k] = s.sem();
        }
    }
}
