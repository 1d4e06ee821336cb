package org.eigenstudy.geometry.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.eigenstudy.geometry.GeometryException;

/**
 * A headless 800×560 chart area with titled axes and data-to-pixel mapping. Ticks sit at 1, 2 or 5
 * times a power of ten (whole numbers on count and rank axes), the colour key has its own row above
 * the plot area so it never covers data, and "C^H" in a label is drawn with a superscript.
 */
final class Canvas {
    private static final int W = 800;
    private static final int H = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 70;
    private static final int BOTTOM = 70;
    private final BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    private final Graphics2D g = image.createGraphics();
    private final String xLabel;
    private final String yLabel;
    private double x0;
    private double x1;
    private double y0;
    private double y1;

    Canvas(String title, String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        drawRich(title, LEFT, 30);
    }

    /** Which values an axis shows: any number, whole numbers (counts, ranks) or powers of ten. */
    enum Scale {
        LINEAR,
        INTEGER,
        LOG
    }

    /**
     * Draws the frame and ticks. A {@link Scale#LOG} axis takes log10 values and labels whole
     * decades.
     */
    void axes(double xMin, double xMax, Scale xScale, double yMin, double yMax, Scale yScale) {
        x0 = xMin;
        x1 = xMax;
        y0 = yMin;
        y1 = yMax;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
        double xStep = step(xMin, xMax, xScale);
        for (long k = (long) Math.ceil(xMin / xStep - 1e-9);
                k * xStep <= xMax + 1e-9 * xStep;
                k++) {
            int px = (int) x(k * xStep);
            String label = label(k * xStep, xStep, xScale);
            g.drawLine(px, H - BOTTOM, px, H - BOTTOM + 5);
            g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, H - BOTTOM + 20);
        }
        double yStep = step(yMin, yMax, yScale);
        for (long k = (long) Math.ceil(yMin / yStep - 1e-9);
                k * yStep <= yMax + 1e-9 * yStep;
                k++) {
            int py = (int) y(k * yStep);
            String label = label(k * yStep, yStep, yScale);
            g.drawLine(LEFT - 5, py, LEFT, py);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), py + 4);
        }
        drawRich(xLabel, W / 2 - 50, H - 25);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -H / 2 - 50, 14);
        g.rotate(Math.PI / 2);
        g.setClip(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
    }

    /** The colour key in one right-aligned row between the title and the plot area. */
    void legend(String[] labels, Color[] colors) {
        g.setClip(null);
        int entry = 130;
        for (int i = 0; i < labels.length; i++) {
            int x = W - RIGHT - entry * (labels.length - i);
            g.setColor(colors[i % colors.length]);
            g.fillRect(x, TOP - 22, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString(labels[i], x + 20, TOP - 12);
        }
    }

    /**
     * 1, 2 or 5 times a power of ten splitting [lo, hi] into at most 5 parts (whole decades on a
     * log axis, at most 10 of them); at least 1 on an integer axis, so no tick lies between two
     * counts.
     */
    static double step(double lo, double hi, Scale scale) {
        if (scale == Scale.LOG) {
            return Math.max(1, Math.ceil((hi - lo) / 10));
        }
        double raw = (hi - lo) / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / power;
        double step = (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * power;
        return scale == Scale.INTEGER ? Math.max(1, Math.rint(step)) : step;
    }

    /** The smallest multiple of the axis step at or above {@code max}: a top that gets a tick. */
    static double ceilToStep(double max, Scale scale) {
        double step = step(0, max, scale);
        return Math.ceil(max / step - 1e-9) * step;
    }

    /** A tick label with the decimals its step needs; "1e-3" for a decade of a log axis. */
    static String label(double value, double step, Scale scale) {
        if (scale == Scale.LOG) {
            long e = Math.round(value);
            return e == 0 ? "1" : e == 1 ? "10" : "1e" + e;
        }
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        double v = Math.abs(value) < step * 1e-6 ? 0 : value;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /**
     * Draws text with each "^X" as a superscript X (C^H: the paper's metric consistency): smaller
     * and raised by 40 % of the font size, like typeset math.
     */
    private void drawRich(String text, int x, int y) {
        Font font = g.getFont();
        Font small = font.deriveFont(font.getSize2D() * 0.7f);
        int raise = Math.round(font.getSize2D() * 0.4f);
        float at = x;
        String[] parts = text.split("\\^", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i > 0 && !part.isEmpty()) {
                String sup = part.substring(0, 1);
                g.setFont(small);
                g.drawString(sup, at, y - raise);
                at += g.getFontMetrics().stringWidth(sup);
                part = part.substring(1);
            }
            g.setFont(font);
            g.drawString(part, at, y);
            at += g.getFontMetrics().stringWidth(part);
        }
    }

    double x(double v) {
        return LEFT + (v - x0) / (x1 - x0) * (W - LEFT - RIGHT);
    }

    double y(double v) {
        return H - BOTTOM - (v - y0) / (y1 - y0) * (H - TOP - BOTTOM);
    }

    Graphics2D graphics() {
        return g;
    }

    void save(Path png) {
        g.dispose();
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new GeometryException("cannot write " + png + ": " + e.getMessage());
        }
    }
}
