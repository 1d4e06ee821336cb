package org.eigenstudy.backend.statistics.plot;

import java.awt.Color;

/** The few drawing operations the charts need; one implementation per output format. */
interface Canvas {

    enum Anchor {
        START,
        MIDDLE,
        END
    }

    void rect(double x, double y, double width, double height, Color fill, String cssClass);

    void line(double x1, double y1, double x2, double y2, Color stroke, double width);

    void circle(double x, double y, double radius, Color fill);

    void text(double x, double y, String text, double size, Anchor anchor);
}
