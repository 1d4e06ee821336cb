package org.eigenstudy.backend.statistics.plot;

import java.awt.Color;
import java.util.List;
import java.util.TreeSet;

/**
 * Lines with points and ± whiskers on a linear x axis whose ticks are the x values themselves (a
 * grid of study sizes, say), y from 0 to {@code yMax}, an optional dashed-looking reference line
 * (drawn as short dashes, since the canvas has no dash style) and a key with one row per series
 * under the title.
 */
final class LineChart {

    /** Distinct and colour-blind safe (Okabe &amp; Ito 2008), in the order series are given. */
    static final Color[] COLORS = {
        new Color(0x00, 0x72, 0xb2),
        new Color(0xd5, 0x5e, 0x00),
        new Color(0x00, 0x9e, 0x73),
        new Color(0xcc, 0x79, 0xa7),
        new Color(0x56, 0xb4, 0xe9),
        new Color(0xe6, 0x9f, 0x00),
        new Color(0x00, 0x00, 0x00),
        new Color(0x99, 0x99, 0x99)
    };

    static final int MAX_SERIES = COLORS.length;
    private static final double KEY_ROW = 16;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double yMax;
    private final List<LineSeries> series;
    private final Double reference;

    LineChart(
            String title,
            String xLabel,
            String yLabel,
            double yMax,
            List<LineSeries> series,
            Double reference) {
        if (series.isEmpty() || series.size() > MAX_SERIES) {
            throw new IllegalArgumentException("1 to " + MAX_SERIES + " series");
        }
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.yMax = yMax;
        this.series = List.copyOf(series);
        this.reference = reference;
    }

    /** The figure's height: the key grows with the number of series. */
    int height() {
        return ChartFrame.HEIGHT + (int) Math.ceil(KEY_ROW * Math.max(0, series.size() - 2));
    }

    void draw(Canvas c) {
        double shift = height() - ChartFrame.HEIGHT;
        TreeSet<Double> xs = new TreeSet<>();
        series.forEach(s -> java.util.Arrays.stream(s.x()).forEach(xs::add));
        double lo = xs.first();
        double hi = xs.last() > lo ? xs.last() : lo + 1;
        double left = ChartFrame.LEFT + 20;
        double right = ChartFrame.RIGHT - 20;
        double top = ChartFrame.TOP + shift;
        double bottom = ChartFrame.BOTTOM + shift;
        java.util.function.DoubleUnaryOperator px =
                v -> left + (right - left) * (v - lo) / (hi - lo);
        java.util.function.DoubleUnaryOperator py =
                v -> bottom - (bottom - top) * Math.min(Math.max(v, 0), yMax) / yMax;
        c.text(ChartFrame.WIDTH / 2.0, 28, title, 16, Canvas.Anchor.MIDDLE);
        c.line(ChartFrame.LEFT, top, ChartFrame.LEFT, bottom, Color.BLACK, 1);
        c.line(ChartFrame.LEFT, bottom, ChartFrame.RIGHT, bottom, Color.BLACK, 1);
        double step = ChartFrame.niceStep(yMax / 5, false);
        for (int i = 0; i * step <= yMax * (1 + 1e-9); i++) {
            double y = py.applyAsDouble(i * step);
            c.line(ChartFrame.LEFT - 5, y, ChartFrame.LEFT, y, Color.BLACK, 1);
            c.text(
                    ChartFrame.LEFT - 8,
                    y + 4,
                    ChartFrame.label(i * step, step),
                    11,
                    Canvas.Anchor.END);
        }
        c.text(14, top - 10, yLabel, 12, Canvas.Anchor.START);
        for (double x : xs) {
            double at = px.applyAsDouble(x);
            c.line(at, bottom, at, bottom + 5, Color.BLACK, 1);
            c.text(at, bottom + 18, ChartFrame.label(x, 1), 11, Canvas.Anchor.MIDDLE);
        }
        c.text((left + right) / 2, bottom + 45, xLabel, 12, Canvas.Anchor.MIDDLE);
        if (reference != null) {
            double y = py.applyAsDouble(reference);
            for (double x = ChartFrame.LEFT; x < ChartFrame.RIGHT; x += 12) {
                c.line(x, y, Math.min(x + 6, ChartFrame.RIGHT), y, Color.GRAY, 1);
            }
        }
        for (int s = 0; s < series.size(); s++) {
            drawSeries(c, series.get(s), COLORS[s], px, py);
            double ky = 46 + s * KEY_ROW;
            c.rect(ChartFrame.LEFT + 10, ky - 10, 12, 12, COLORS[s], "legend");
            c.text(ChartFrame.LEFT + 28, ky, series.get(s).label(), 12, Canvas.Anchor.START);
        }
    }

    private static void drawSeries(
            Canvas c,
            LineSeries s,
            Color color,
            java.util.function.DoubleUnaryOperator px,
            java.util.function.DoubleUnaryOperator py) {
        Integer[] order = new Integer[s.x().length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(s.x()[a], s.x()[b]));
        double prevX = Double.NaN;
        double prevY = Double.NaN;
        for (int i : order) {
            double x = px.applyAsDouble(s.x()[i]);
            double y = py.applyAsDouble(s.y()[i]);
            if (s.error()[i] > 0) {
                c.line(
                        x,
                        py.applyAsDouble(s.y()[i] + s.error()[i]),
                        x,
                        py.applyAsDouble(s.y()[i] - s.error()[i]),
                        color,
                        1.2);
            }
            if (!Double.isNaN(prevX)) {
                c.line(prevX, prevY, x, y, color, 1.5);
            }
            c.circle(x, y, 4, color);
            prevX = x;
            prevY = y;
        }
    }
}
