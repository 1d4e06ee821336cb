package org.eigenstudy.backend.statistics.plot;

import java.awt.Color;
import java.util.Locale;

/** Writes SVG 1.1 text directly: no library, and the output diffs cleanly. */
final class SvgCanvas implements Canvas {

    private final StringBuilder body = new StringBuilder();
    private final int width;
    private final int height;

    SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
        rect(0, 0, width, height, Color.WHITE, "background");
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill, String cssClass) {
        body.append(
                String.format(
                        Locale.ROOT,
                        "<rect class=\"%s\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\""
                                + " fill=\"%s\"/>%n",
                        cssClass,
                        x,
                        y,
                        w,
                        h,
                        hex(fill)));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color stroke, double w) {
        body.append(
                String.format(
                        Locale.ROOT,
                        "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\""
                                + " stroke-width=\"%.1f\"/>%n",
                        x1,
                        y1,
                        x2,
                        y2,
                        hex(stroke),
                        w));
    }

    @Override
    public void circle(double x, double y, double r, Color fill) {
        body.append(
                String.format(
                        Locale.ROOT,
                        "<circle class=\"point\" cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\"/>%n",
                        x,
                        y,
                        r,
                        hex(fill)));
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor) {
        String a = anchor == Anchor.START ? "start" : anchor == Anchor.MIDDLE ? "middle" : "end";
        body.append(
                String.format(
                        Locale.ROOT,
                        "<text x=\"%.2f\" y=\"%.2f\" font-family=\"sans-serif\" font-size=\"%.1f\""
                                + " text-anchor=\"%s\">%s</text>%n",
                        x,
                        y,
                        size,
                        a,
                        escape(text)));
    }

    String toSvg() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
                + width
                + "\" height=\""
                + height
                + "\" viewBox=\"0 0 "
                + width
                + " "
                + height
                + "\">\n"
                + body
                + "</svg>\n";
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
