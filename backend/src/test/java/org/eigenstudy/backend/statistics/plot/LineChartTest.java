package org.eigenstudy.backend.statistics.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The line chart (power curve): valid SVG, a point per value placed on the scale, a key per line.
 */
class LineChartTest {

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pointsSitOnTheirValuesAndEveryLineHasAKeyEntry() throws Exception {
        List<LineSeries> series =
                List.of(
                        new LineSeries(
                                "top vs bottom",
                                new double[] {40, 10, 20},
                                new double[] {0.9, 0.3, 0.6},
                                new double[] {0.03, 0.05, 0.05}),
                        new LineSeries(
                                "top vs orthogonal",
                                new double[] {10, 20, 40},
                                new double[] {0, 0.1, 1},
                                new double[] {0, 0.02, 0}));
        Document svg = parse(Plots.linesSvg("Power", "participants", "power", 1, series, 0.8));
        NodeList circles = svg.getElementsByTagName("circle");
        assertEquals(6, circles.getLength());
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < circles.getLength(); i++) {
            ys.add(
                    Double.parseDouble(
                            circles.item(i).getAttributes().getNamedItem("cy").getNodeValue()));
        }
        // Power 0 on the x axis, power 1 at the top of the plot area, 0.5 half-way.
        double bottom = ChartFrame.BOTTOM;
        double top = ChartFrame.TOP;
        assertTrue(ys.contains(bottom), ys.toString());
        assertTrue(ys.contains(top), ys.toString());
        assertEquals(bottom - (bottom - top) * 0.6, ys.get(1), 0.01, "x-sorted: 20 → 0.6");
        NodeList texts = svg.getElementsByTagName("text");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            labels.add(texts.item(i).getTextContent());
        }
        assertTrue(
                labels.containsAll(
                        List.of("top vs bottom", "top vs orthogonal", "10", "20", "40")));
        assertEquals(2, svg.getElementsByTagName("rect").getLength() - 1, "a key swatch per line");
    }

    @Test
    void tooManyLinesOrMismatchedArraysAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new LineSeries("x", new double[] {1}, new double[] {1, 2}, new double[] {0}));
        List<LineSeries> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(
                    new LineSeries(
                            "s" + i, new double[] {1}, new double[] {0.5}, new double[] {0}));
        }
        assertThrows(
                IllegalArgumentException.class, () -> Plots.linesSvg("t", "x", "y", 1, nine, null));
    }
}
