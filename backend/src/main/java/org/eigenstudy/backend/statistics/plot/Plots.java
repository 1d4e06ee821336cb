package org.eigenstudy.backend.statistics.plot;

import java.util.List;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.report.GroupReport;

/** The report's figures as PNG bytes or SVG text. */
public final class Plots {

    private Plots() {}

    /** Bars with SEM of one measure, per axis class and model (first group: all models). */
    public static byte[] barsPng(AnalysisReport report, Measure measure) {
        PngCanvas canvas = new PngCanvas(ChartFrame.WIDTH, ChartFrame.HEIGHT);
        new BarChart(report, measure).draw(canvas);
        return canvas.toPng();
    }

    public static String barsSvg(AnalysisReport report, Measure measure) {
        SvgCanvas canvas = new SvgCanvas(ChartFrame.WIDTH, ChartFrame.HEIGHT);
        new BarChart(report, measure).draw(canvas);
        return canvas.toSvg();
    }

    /** Mean magnitude against eigen-rank for one group. */
    public static byte[] rankPng(GroupReport group) {
        PngCanvas canvas = new PngCanvas(ChartFrame.WIDTH, ChartFrame.HEIGHT);
        new RankChart(group).draw(canvas);
        return canvas.toPng();
    }

    /**
     * Lines of y against x with ± whiskers, y from 0 to {@code yMax}, and a reference line at
     * {@code reference} when it is not null (the power curve of sample-size planning).
     */
    public static String linesSvg(
            String title,
            String xLabel,
            String yLabel,
            double yMax,
            List<LineSeries> series,
            Double reference) {
        LineChart chart = new LineChart(title, xLabel, yLabel, yMax, series, reference);
        SvgCanvas canvas = new SvgCanvas(ChartFrame.WIDTH, chart.height());
        chart.draw(canvas);
        return canvas.toSvg();
    }

    public static String rankSvg(GroupReport group) {
        SvgCanvas canvas = new SvgCanvas(ChartFrame.WIDTH, ChartFrame.HEIGHT);
        new RankChart(group).draw(canvas);
        return canvas.toSvg();
    }
}
