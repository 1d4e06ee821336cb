package org.eigenstudy.geometry.stimuli.sheet;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.eigenstudy.geometry.stimuli.render.PngEncoding;
import org.eigenstudy.geometry.stimuli.work.AtomicFiles;
import org.eigenstudy.studyconfig.manifest.ManifestAxis;
import org.eigenstudy.studyconfig.manifest.ManifestModel;
import org.eigenstudy.studyconfig.manifest.ManifestStrip;

/**
 * A researcher's overview of one model's stimuli, after the paper's Fig. 1: one row per axis with
 * its label (class, rank, eigenvalue, α), its strips for the first few references, and its
 * frame-distance curve. Every curve shares one y-scale, so top, orthogonal and bottom axes can be
 * compared by eye.
 */
public final class ContactSheet {
    static final int REFERENCES_SHOWN = 3;
    static final int LABEL_WIDTH = 190;
    static final int CURVE_WIDTH = 160;
    static final int GAP = 8;

    private ContactSheet() {}

    public static void write(String title, ManifestModel model, Path stimuliFolder, Path png) {
        int frames = model.steps().size();
        int refs = Math.min(REFERENCES_SHOWN, model.references().size());
        int thumb = thumbSize(model, stimuliFolder);
        int stripWidth = frames * thumb;
        int rowHeight = Math.max(thumb + 6, 56);
        int header = 36;
        int width = LABEL_WIDTH + refs * (stripWidth + GAP) + CURVE_WIDTH + GAP;
        int height = header + model.axes().size() * rowHeight + GAP;
        double maxDistance = maxDistance(model);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(
                    String.format(
                            Locale.ROOT,
                            "%s — space %s, %s exploration, d = %s, %s distance (curves: 0 … %.3g)",
                            title,
                            model.space(),
                            model.exploration().yamlName(),
                            model.distance(),
                            model.imageDistance().yamlName(),
                            maxDistance),
                    8,
                    22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int y = header;
            for (ManifestAxis axis : model.axes()) {
                drawLabel(g, axis, y, rowHeight);
                for (int r = 0; r < refs; r++) {
                    drawStrip(
                            g,
                            axis.strips().get(r),
                            stimuliFolder,
                            LABEL_WIDTH + r * (stripWidth + GAP),
                            y,
                            thumb);
                }
                drawCurve(g, axis, model.steps(), maxDistance, width - CURVE_WIDTH - GAP, y, thumb);
                y += rowHeight;
            }
        } finally {
            g.dispose();
        }
        AtomicFiles.write(png, PngEncoding.encode(sheet));
    }

    private static int thumbSize(ManifestModel model, Path folder) {
        BufferedImage first =
                read(folder, model.axes().get(0).strips().get(0).frames().get(0).path());
        return Math.min(64, first.getWidth());
    }

    private static double maxDistance(ManifestModel model) {
        double max = 0;
        for (ManifestAxis axis : model.axes()) {
            for (ManifestStrip strip : axis.strips()) {
                for (double d : strip.frameDistances()) {
                    max = Math.max(max, d);
                }
            }
        }
        return max > 0 ? max : 1;
    }

    private static void drawLabel(Graphics2D g, ManifestAxis axis, int y, int rowHeight) {
        g.setColor(colour(axis));
        g.fillRect(4, y + 2, 6, rowHeight - 8);
        g.setColor(Color.BLACK);
        g.drawString(axis.axisClass().yamlName() + " #" + axis.rank(), 16, y + 16);
        String eigen =
                axis.eigenvalue() == null
                        ? "λ —"
                        : String.format(Locale.ROOT, "λ %.3g", axis.eigenvalue());
        g.drawString(eigen, 16, y + 32);
        g.drawString(String.format(Locale.ROOT, "α %.3g", axis.alpha()), 16, y + 48);
    }

    private static void drawStrip(
            Graphics2D g, ManifestStrip strip, Path folder, int x, int y, int thumb) {
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        for (int f = 0; f < strip.frames().size(); f++) {
            BufferedImage image = read(folder, strip.frames().get(f).path());
            g.drawImage(image, x + f * thumb, y, thumb, thumb, null);
        }
    }

    private static void drawCurve(
            Graphics2D g, ManifestAxis axis, List<Double> steps, double max, int x, int y, int h) {
        int w = CURVE_WIDTH;
        g.setColor(new Color(0xF2F2F2));
        g.fillRect(x, y, w, h);
        double lo = steps.get(0);
        double hi = steps.get(steps.size() - 1);
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(0xBBBBBB));
        for (ManifestStrip strip : axis.strips()) {
            polyline(g, steps, strip.frameDistances(), lo, hi, max, x, y, w, h);
        }
        double[] mean = new double[steps.size()];
        for (ManifestStrip strip : axis.strips()) {
            for (int f = 0; f < mean.length; f++) {
                mean[f] += strip.frameDistances().get(f) / axis.strips().size();
            }
        }
        g.setStroke(new BasicStroke(2f));
        g.setColor(colour(axis));
        polyline(g, steps, java.util.Arrays.stream(mean).boxed().toList(), lo, hi, max, x, y, w, h);
    }

    private static void polyline(
            Graphics2D g,
            List<Double> steps,
            List<Double> values,
            double lo,
            double hi,
            double max,
            int x,
            int y,
            int w,
            int h) {
        int[] xs = new int[steps.size()];
        int[] ys = new int[steps.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x + (int) Math.round((steps.get(i) - lo) / (hi - lo) * (w - 1));
            ys[i] = y + h - 1 - (int) Math.round(values.get(i) / max * (h - 2));
        }
        g.drawPolyline(xs, ys, xs.length);
    }

    private static Color colour(ManifestAxis axis) {
        return switch (axis.axisClass()) {
            case TOP -> new Color(0xD62728);
            case ORTHOGONAL -> new Color(0x2CA02C);
            case BOTTOM -> new Color(0x1F77B4);
            default -> Color.GRAY;
        };
    }

    private static BufferedImage read(Path folder, String path) {
        try {
            BufferedImage image = ImageIO.read(folder.resolve(path).toFile());
            if (image == null) {
                throw new IOException("not an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read frame " + path + ": " + e.getMessage(), e);
        }
    }
}
