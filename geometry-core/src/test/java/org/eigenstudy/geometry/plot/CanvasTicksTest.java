package org.eigenstudy.geometry.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The geometry plots' axes: whole-number ticks on counts and ranks, decades on log axes. */
class CanvasTicksTest {

    @Test
    void countAndRankAxesTickOnWholeNumbersOnly() {
        // The demo's histogram went to 38 pairs and printed 7.60, 15.20, ...; ranks printed 13.60.
        assertEquals(10, Canvas.step(0, 38, Canvas.Scale.INTEGER));
        assertEquals(40, Canvas.ceilToStep(38, Canvas.Scale.INTEGER));
        assertEquals(20, Canvas.step(1, 64, Canvas.Scale.INTEGER));
        assertEquals(1, Canvas.step(0, 2, Canvas.Scale.INTEGER));
        assertEquals("15", Canvas.label(15, 5, Canvas.Scale.INTEGER));
        for (int max = 1; max < 200; max++) {
            double step = Canvas.step(0, max, Canvas.Scale.INTEGER);
            assertEquals(Math.rint(step), step, "step for " + max);
        }
    }

    @Test
    void linearAndLogLabels() {
        assertEquals(0.5, Canvas.step(-1, 1, Canvas.Scale.LINEAR), 1e-12);
        assertEquals("-0.5", Canvas.label(-0.5, 0.5, Canvas.Scale.LINEAR));
        assertEquals("0.0", Canvas.label(1e-17, 0.5, Canvas.Scale.LINEAR));
        assertEquals("1e-3", Canvas.label(-3, 1, Canvas.Scale.LOG));
        assertEquals("1", Canvas.label(0, 1, Canvas.Scale.LOG));
        // 24 decades: every third one, never a fractional exponent.
        assertEquals(3, Canvas.step(-20, 4, Canvas.Scale.LOG));
    }

    @Test
    void histogramWithASuperscriptLabelIsDrawn(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("h.png");
        HistogramPlot.write(
                png,
                "Metric consistency C^H, test",
                new String[] {"linear", "log"},
                new double[][] {{0.1, 0.5, 0.9, 0.95}, {0.99, 0.98, Double.NaN}});
        BufferedImage image = ImageIO.read(Files.newInputStream(png));
        assertEquals(800, image.getWidth());
        assertTrue(image.getRGB(400, 300) != 0, "drawn");
    }
}
