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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.eigenstudy.geometry.stimuli.render.PngEncoding;
import org.eigenstudy.geometry.stimuli.work.AtomicFiles;
import org.eigenstudy.studyconfig.manifest.ManifestAxis;
import org.eigenstudy.studyconfig.manifest.ManifestModel;
import org.eigenstudy.studyconfig.manifest.ManifestStrip;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * A researcher's overview of one model's stimuli, after the paper's Fig. 1: one row per axis with
 * its label (class, rank or imported label, eigenvalue, α), its strips for the first few
 * references, and its frame-distance curve, the rows grouped under one heading per class (the
 * metric's classes, then each other method), so methods sit side by side. Every curve shares one
 * y-scale, so classes can be compared by eye; with matched steps the curves are drawn against each
 * strip's latent steps, which shows how far each direction had to go to change the image as much.
 */
public final class ContactSheet {
    static final int REFERENCES_SHOWN = 3;
    static final int LABEL_WIDTH = 190;
    static final int CURVE_WIDTH = 160;
    static final int GAP = 8;
    static final int GROUP_HEADING = 22;

    private ContactSheet() {}

    public static void write(String title, ManifestModel model, Path stimuliFolder, Path png) {
        int frames = model.steps().size();
        int refs = Math.min(REFERENCES_SHOWN, model.references().size());
        int thumb = thumbSize(model, stimuliFolder);
        int stripWidth = frames * thumb;
        int rowHeight = Math.max(thumb + 6, 56);
        int header = 36;
        int width = LABEL_WIDTH + refs * (stripWidth + GAP) + CURVE_WIDTH + GAP;
        int groups = (int) model.axes().stream().map(ManifestAxis::axisClass).distinct().count();
        int height = header + groups * GROUP_HEADING + model.axes().size() * rowHeight + GAP;
        boolean matched = model.matchedImageDistance() != null;
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
                            matched
                                    ? "%s — space %s, steps matched to %s distance %s within"
                                            + " |t| ≤ %s (curves: distance 0 … %.3g against"
                                            + " latent step)"
                                    : "%s — space %s, %s exploration, d = %s, %s distance"
                                            + " (curves: 0 … %.3g)",
                            matched
                                    ? new Object[] {
                                        title,
                                        model.space(),
                                        model.imageDistance().yamlName(),
                                        model.matchedImageDistance(),
                                        model.distance(),
                                        maxDistance
                                    }
                                    : new Object[] {
                                        title,
                                        model.space(),
                                        model.exploration().yamlName(),
                                        model.distance(),
                                        model.imageDistance().yamlName(),
                                        maxDistance
                                    }),
                    8,
                    22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int y = header;
            AxisClass group = null;
            for (ManifestAxis axis : model.axes()) {
                if (axis.axisClass() != group) {
                    group = axis.axisClass();
                    drawHeading(g, model, group, y, width);
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                    y += GROUP_HEADING;
                }
                drawLabel(g, axis, y, rowHeight, matched);
                for (int r = 0; r < refs; r++) {
                    drawStrip(
                            g,
                            axis.strips().get(r),
                            stimuliFolder,
                            LABEL_WIDTH + r * (stripWidth + GAP),
                            y,
                            thumb);
                }
                drawCurve(g, axis, model, maxDistance, width - CURVE_WIDTH - GAP, y, thumb);
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

    /** A band naming the class and its method before the class's first row. */
    private static void drawHeading(
            Graphics2D g, ManifestModel model, AxisClass c, int y, int width) {
        long count = model.axes().stream().filter(a -> a.axisClass() == c).count();
        g.setColor(new Color(0xEEEEEE));
        g.fillRect(0, y + 2, width, GROUP_HEADING - 4);
        g.setColor(colour(c));
        g.fillRect(4, y + 2, 6, GROUP_HEADING - 4);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        String heading =
                c.method().equals("hessian")
                        ? String.format(
                                Locale.ROOT,
                                "%s — the metric's eigen-axes (%d)",
                                c.yamlName(),
                                count)
                        : String.format(
                                Locale.ROOT,
                                "%s — directions by %s (%d)",
                                c.yamlName(),
                                c.method(),
                                count);
        g.drawString(heading, 16, y + GROUP_HEADING - 7);
    }

    private static void drawLabel(
            Graphics2D g, ManifestAxis axis, int y, int rowHeight, boolean matched) {
        g.setColor(colour(axis.axisClass()));
        g.fillRect(4, y + 2, 6, rowHeight - 8);
        g.setColor(Color.BLACK);
        String name = axis.axisClass().yamlName() + " #" + axis.rank();
        if (axis.label() != null) {
            name += " " + shortened(axis.label(), 16);
        }
        g.drawString(name, 16, y + 16);
        String second;
        if (matched) {
            second = String.format(Locale.ROOT, "reach |t| %.3g", meanReach(axis));
        } else {
            second =
                    axis.eigenvalue() == null
                            ? "λ —"
                            : String.format(Locale.ROOT, "λ %.3g", axis.eigenvalue());
        }
        if (matched && axis.eigenvalue() != null) {
            second += String.format(Locale.ROOT, ", λ %.3g", axis.eigenvalue());
        }
        g.drawString(second, 16, y + 32);
        g.drawString(String.format(Locale.ROOT, "α %.3g", axis.alpha()), 16, y + 48);
    }

    /** Mean over strips and sides of the end frames' |latent step|: how far a match went. */
    private static double meanReach(ManifestAxis axis) {
        double sum = 0;
        int n = 0;
        for (ManifestStrip strip : axis.strips()) {
            List<Double> t = strip.latentSteps();
            sum += Math.abs(t.get(0)) + Math.abs(t.get(t.size() - 1));
            n += 2;
        }
        return n == 0 ? 0 : sum / n;
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
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

    /**
     * Frame distance against step: the model's steps (fixed steps), or each strip's own latent
     * steps on one ±d axis (matched steps, where the model's steps are the distances themselves).
     */
    private static void drawCurve(
            Graphics2D g, ManifestAxis axis, ManifestModel model, double max, int x, int y, int h) {
        int w = CURVE_WIDTH;
        boolean matched = model.matchedImageDistance() != null;
        g.setColor(new Color(0xF2F2F2));
        g.fillRect(x, y, w, h);
        List<Double> steps = model.steps();
        double lo = matched ? -model.distance() : steps.get(0);
        double hi = matched ? model.distance() : steps.get(steps.size() - 1);
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(0xBBBBBB));
        for (ManifestStrip strip : axis.strips()) {
            List<Double> xs = matched ? strip.latentSteps() : steps;
            polyline(g, xs, strip.frameDistances(), lo, hi, max, x, y, w, h);
        }
        double[] mean = new double[steps.size()];
        double[] meanX = new double[steps.size()];
        for (ManifestStrip strip : axis.strips()) {
            List<Double> xs = matched ? strip.latentSteps() : steps;
            for (int f = 0; f < mean.length; f++) {
                mean[f] += strip.frameDistances().get(f) / axis.strips().size();
                meanX[f] += xs.get(f) / axis.strips().size();
            }
        }
        g.setStroke(new BasicStroke(2f));
        g.setColor(colour(axis.axisClass()));
        polyline(
                g,
                matched ? Arrays.stream(meanX).boxed().toList() : steps,
                Arrays.stream(mean).boxed().toList(),
                lo,
                hi,
                max,
                x,
                y,
                w,
                h);
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

    private static Color colour(AxisClass c) {
        return switch (c) {
            case TOP -> new Color(0xD62728);
            case ORTHOGONAL -> new Color(0x2CA02C);
            case BOTTOM -> new Color(0x1F77B4);
            case GANSPACE -> new Color(0x9467BD);
            case SEFA -> new Color(0xFF7F0E);
            case RANDOM -> new Color(0x7F7F7F);
            case IMPORTED -> new Color(0x8C564B);
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
