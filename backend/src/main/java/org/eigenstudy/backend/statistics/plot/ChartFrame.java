package org.eigenstudy.backend.statistics.plot;

import java.awt.Color;
import java.util.Locale;
import org.eigenstudy.backend.statistics.AxisClass;

/** Plot area, y axis with ticks and the title: what every chart shares. */
final class ChartFrame {

    static final int WIDTH = 800;
    static final int HEIGHT = 480;
    static final double LEFT = 70;
    static final double RIGHT = WIDTH - 20;
    static final double TOP = 50;
    static final double BOTTOM = HEIGHT - 70;
    static final Color[] CLASS_COLORS = {
        new Color(0x1f, 0x77, 0xb4), new Color(0x7f, 0x7f, 0x7f), new Color(0xd6, 0x27, 0x28)
    };

    private final double yMax;

    ChartFrame(double yMax) {
        this.yMax = yMax > 0 ? yMax : 1;
    }

    double y(double value) {
        return BOTTOM - (BOTTOM - TOP) * Math.max(0, value) / yMax;
    }

    void draw(Canvas c, String title, String yLabel) {
        c.text(WIDTH / 2.0, 28, title, 16, Canvas.Anchor.MIDDLE);
        c.line(LEFT, TOP, LEFT, BOTTOM, Color.BLACK, 1);
        c.line(LEFT, BOTTOM, RIGHT, BOTTOM, Color.BLACK, 1);
        double step = niceStep(yMax / 5);
        for (double t = 0; t <= yMax + 1e-9; t += step) {
            c.line(LEFT - 5, y(t), LEFT, y(t), Color.BLACK, 1);
            c.text(LEFT - 8, y(t) + 4, label(t, step), 11, Canvas.Anchor.END);
        }
        c.text(14, TOP - 12, yLabel, 12, Canvas.Anchor.START);
    }

    /** A colour key for the given axis classes (ordinals). */
    void legend(Canvas c, int... classes) {
        for (int i = 0; i < classes.length; i++) {
            double x = RIGHT - 130;
            double y = TOP + 4 + 18 * i;
            c.rect(x, y, 12, 12, CLASS_COLORS[classes[i]], "legend");
            c.text(x + 18, y + 11, AxisClass.values()[classes[i]].label(), 12, Canvas.Anchor.START);
        }
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / magnitude;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
    }

    private static String label(double value, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
