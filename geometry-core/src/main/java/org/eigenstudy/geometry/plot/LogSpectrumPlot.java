package org.eigenstudy.geometry.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import org.eigenstudy.geometry.analysis.Spectrum;

/**
 * Paper Fig. 2: mean eigenvalue by rank on a log axis with the 5–95 % band shaded. Values ≤ 0
 * (round-off on flat directions) are drawn at the smallest positive value so the log axis exists.
 */
public final class LogSpectrumPlot {
    private LogSpectrumPlot() {}

    public static void write(java.nio.file.Path png, Spectrum s, String title) {
        int n = s.mean().length;
        double floor = Double.MAX_VALUE;
        double top = 0;
        for (double[] series : new double[][] {s.mean(), s.p05(), s.p95()}) {
            for (double v : series) {
                if (v > 0) {
                    floor = Math.min(floor, v);
                    top = Math.max(top, v);
                }
            }
        }
        if (top == 0) {
            floor = 1e-12;
            top = 1;
        }
        Canvas c = new Canvas(title, "eigenvalue rank", "eigenvalue (log10)");
        double lo = Math.floor(Math.log10(floor));
        double hi = Math.ceil(Math.log10(top));
        if (hi <= lo) {
            hi = lo + 1;
        }
        c.axes(1, Math.max(n, 2), Canvas.Scale.INTEGER, lo, hi, Canvas.Scale.LOG);
        Graphics2D g = c.graphics();
        Path2D band = trace(c, s.p95(), floor);
        for (int r = n - 1; r >= 0; r--) {
            band.lineTo(c.x(r + 1), c.y(Math.log10(Math.max(s.p05()[r], floor))));
        }
        band.closePath();
        g.setColor(new Color(70, 130, 180, 90));
        g.fill(band);
        Path2D line = trace(c, s.mean(), floor);
        g.setColor(new Color(20, 60, 120));
        g.setStroke(new BasicStroke(2f));
        g.draw(line);
        c.legend(
                new String[] {"mean", "5-95 % band"},
                new Color[] {new Color(20, 60, 120), new Color(70, 130, 180)});
        c.save(png);
    }

    /** The series by rank (1-based x) on the log axis, as an open path. */
    private static Path2D trace(Canvas c, double[] values, double floor) {
        Path2D path = new Path2D.Double();
        path.moveTo(c.x(1), c.y(Math.log10(Math.max(values[0], floor))));
        for (int r = 1; r < values.length; r++) {
            path.lineTo(c.x(r + 1), c.y(Math.log10(Math.max(values[r], floor))));
        }
        return path;
    }
}
