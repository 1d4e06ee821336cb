package org.eigenstudy.geometry.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.file.Path;

/**
 * Paper Fig. 3C: histograms of the pairwise consistency C^H on linear and log scale, over [−1, 1];
 * the counts axis has whole-number ticks.
 */
public final class HistogramPlot {
    private static final int BINS = 40;
    private static final Color[] COLORS = {
        new Color(200, 80, 60, 150), new Color(60, 110, 200, 150)
    };

    private HistogramPlot() {}

    public static void write(Path png, String title, String[] labels, double[][] series) {
        int[][] counts = new int[series.length][BINS];
        int max = 1;
        for (int s = 0; s < series.length; s++) {
            for (double v : series[s]) {
                if (!Double.isNaN(v)) {
                    int bin = (int) Math.min(BINS - 1, Math.max(0, Math.floor((v + 1) / 2 * BINS)));
                    max = Math.max(max, ++counts[s][bin]);
                }
            }
        }
        Canvas c = new Canvas(title, "correlation C^H", "ordered pairs");
        c.axes(
                -1,
                1,
                Canvas.Scale.LINEAR,
                0,
                Canvas.ceilToStep(max, Canvas.Scale.INTEGER),
                Canvas.Scale.INTEGER);
        Graphics2D g = c.graphics();
        for (int s = 0; s < series.length; s++) {
            g.setColor(COLORS[s % COLORS.length]);
            for (int b = 0; b < BINS; b++) {
                double x0 = c.x(-1 + 2.0 * b / BINS);
                double x1 = c.x(-1 + 2.0 * (b + 1) / BINS);
                double y = c.y(counts[s][b]);
                g.fill(new java.awt.geom.Rectangle2D.Double(x0, y, x1 - x0 - 1, c.y(0) - y));
            }
        }
        c.legend(labels, COLORS);
        c.save(png);
    }
}
