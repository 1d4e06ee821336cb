package org.eigenstudy.backend.statistics.plot;

import java.awt.Color;
import java.util.Locale;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * Plot area, y axis with ticks, the title and the colour key: what every chart shares. The key sits
 * in its own row between the title and the plot, so no bar or point can run under it.
 */
final class ChartFrame {

    static final int WIDTH = 800;
    static final int HEIGHT = 480;
    static final double LEFT = 70;
    static final double RIGHT = WIDTH - 20;
    static final double TOP = 74;
    static final double BOTTOM = HEIGHT - 70;

    /** One colour per {@code AxisClass}, by ordinal: the metric's three, then the other methods. */
    static final Color[] CLASS_COLORS = {
        new Color(0x1f, 0x77, 0xb4),
        new Color(0x7f, 0x7f, 0x7f),
        new Color(0xd6, 0x27, 0x28),
        // The methods' colours are the dashboard's (frontend scales.js CLASS_COLOURS).
        new Color(0x1a, 0x7f, 0x37),
        new Color(0x8e, 0x44, 0xad),
        new Color(0xa1, 0x62, 0x07),
        new Color(0xbe, 0x18, 0x5d)
    };

    private final double yMax;
    private final boolean integerTicks;

    /**
     * @param integerTicks for measures answered in whole numbers (ratings, counts, percent): a tick
     *     never falls between two possible answers (no 2.25 on a 1–9 scale)
     */
    ChartFrame(double yMax, boolean integerTicks) {
        this.yMax = yMax > 0 ? yMax : 1;
        this.integerTicks = integerTicks;
    }

    double y(double value) {
        return BOTTOM - (BOTTOM - TOP) * Math.max(0, value) / yMax;
    }

    void draw(Canvas c, String title, String yLabel) {
        c.text(WIDTH / 2.0, 28, title, 16, Canvas.Anchor.MIDDLE);
        c.line(LEFT, TOP, LEFT, BOTTOM, Color.BLACK, 1);
        c.line(LEFT, BOTTOM, RIGHT, BOTTOM, Color.BLACK, 1);
        double step = niceStep(yMax / 5, integerTicks);
        for (int i = 0; i * step <= yMax * (1 + 1e-9); i++) {
            double t = i * step;
            c.line(LEFT - 5, y(t), LEFT, y(t), Color.BLACK, 1);
            c.text(LEFT - 8, y(t) + 4, label(t, step), 11, Canvas.Anchor.END);
        }
        c.text(14, TOP - 10, yLabel, 12, Canvas.Anchor.START);
    }

    /**
     * A colour key for the given axis classes (ordinals): one row, right-aligned, above the plot
     * area (entries are {@link #LEGEND_ENTRY} wide, enough for "orthogonal" at 12 px).
     */
    void legend(Canvas c, int... classes) {
        double x = RIGHT - LEGEND_ENTRY * classes.length;
        double y = TOP - 30;
        for (int i = 0; i < classes.length; i++, x += LEGEND_ENTRY) {
            c.rect(x, y, 12, 12, CLASS_COLORS[classes[i]], "legend");
            c.text(x + 18, y + 11, AxisClass.values()[classes[i]].label(), 12, Canvas.Anchor.START);
        }
    }

    static final double LEGEND_ENTRY = 100;

    /** 1, 2 or 5 times a power of ten, at least {@code raw}; never below 1 for integer ticks. */
    static double niceStep(double raw, boolean integer) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / magnitude;
        double step = (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
        return integer ? Math.max(1, Math.rint(step)) : step;
    }

    static String label(double value, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
