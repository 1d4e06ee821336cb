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

/** A headless 800×560 chart area with titled axes and data-to-pixel mapping. */
final class Canvas {
    private static final int W = 800;
    private static final int H = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
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
        g.drawString(title, LEFT, 30);
    }

    /** Draws the frame and ticks; {@code logY} labels y ticks as powers of ten. */
    void axes(double xMin, double xMax, double yMin, double yMax, boolean logY) {
        x0 = xMin;
        x1 = xMax;
        y0 = yMin;
        y1 = yMax;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
        for (int t = 0; t <= 5; t++) {
            double xv = xMin + (xMax - xMin) * t / 5;
            int px = (int) x(xv);
            g.drawLine(px, H - BOTTOM, px, H - BOTTOM + 5);
            g.drawString(format(xv), px - 12, H - BOTTOM + 20);
        }
        int yTicks = logY ? (int) Math.min(10, yMax - yMin) : 5;
        for (int t = 0; t <= yTicks; t++) {
            double yv = yMin + (yMax - yMin) * t / yTicks;
            int py = (int) y(yv);
            g.drawLine(LEFT - 5, py, LEFT, py);
            g.drawString(logY ? "1e" + Math.round(yv) : format(yv), 20, py + 4);
        }
        g.drawString(xLabel, W / 2 - 50, H - 25);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -H / 2 - 50, 14);
        g.rotate(Math.PI / 2);
        g.setClip(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
    }

    void legend(String[] labels, Color[] colors) {
        g.setClip(null);
        for (int i = 0; i < labels.length; i++) {
            g.setColor(colors[i % colors.length]);
            g.fillRect(W - RIGHT - 170, TOP + 12 + 20 * i, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString(labels[i], W - RIGHT - 150, TOP + 22 + 20 * i);
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

    private static String format(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9
                ? Long.toString(Math.round(v))
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
