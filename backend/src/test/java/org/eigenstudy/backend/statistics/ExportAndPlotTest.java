package org.eigenstudy.backend.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eigenstudy.backend.statistics.plot.Plots;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.tables.CsvExporter;
import org.eigenstudy.backend.statistics.tables.LatexExporter;
import org.eigenstudy.backend.statistics.tables.MarkdownExporter;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Exports carry the report's numbers; plots decode as real PNG / well-formed SVG. */
class ExportAndPlotTest {

    private static final AnalysisReport REPORT =
            StudyAnalysis.analyse(StudyRows.load().stream(), AnalysisOptions.defaults());

    @Test
    void csvIsTidyAndCarriesTheReportValues() {
        String csv = CsvExporter.export(REPORT);
        String[] lines = csv.split("\n");
        assertEquals(CsvExporter.HEADER, lines[0]);
        int columns = CsvExporter.HEADER.split(",").length;
        for (String line : lines) {
            assertEquals(columns, line.split(",", -1).length, line);
        }
        double mean = REPORT.overall().classes().get(0).measures().get("magnitude").mean();
        assertTrue(csv.contains("overall,,,summary,magnitude,top,,,mean," + mean + ",\n"), csv);
        double welchP = REPORT.overall().measureComparisons().get("magnitude").get(1).welch().p();
        assertTrue(csv.contains("comparison,magnitude,top,bottom,,welch.p," + welchP + ","), csv);
        assertTrue(csv.contains("model,alpha,z,spearman,magnitude~rank"), csv);
    }

    @Test
    void markdownAndLatexLookLikeThePaper() {
        var top = REPORT.overall().classes().get(0).measures().get("consistency");
        String md = MarkdownExporter.export(REPORT);
        assertTrue(md.contains("| measure | top | orthogonal | bottom |"), md);
        assertTrue(md.contains("(n = " + top.n() + ")"), md);
        assertTrue(md.contains("### Descriptive results: alpha / z"), md);
        assertTrue(
                md.matches("(?s).*\\| consistency \\(1-9\\) \\| \\d+\\.\\d+ ± \\d+\\.\\d+ .*"), md);
        String tex = LatexExporter.export(REPORT);
        assertTrue(tex.contains("\\begin{tabular}{llll}"), tex);
        assertTrue(tex.contains("$\\pm$"), tex);
        // Three headline tables (means, contrasts, variance components), then one per group.
        assertEquals(count(tex, "\\begin{table}"), 3 + REPORT.groups().size(), "tables");
        assertTrue(
                md.indexOf("### Headline: estimated class means") < md.indexOf("### Descriptive"),
                md);
        assertTrue(!tex.contains("±") && !tex.contains("\u0000"), tex);
    }

    @Test
    void pngAndSvgPlotsAreRealImages() throws Exception {
        BufferedImage bars =
                ImageIO.read(new ByteArrayInputStream(Plots.barsPng(REPORT, Measure.MAGNITUDE)));
        assertEquals(800, bars.getWidth());
        assertTrue(hasColour(bars, 0x1f77b4) && hasColour(bars, 0xd62728), "bars drawn");
        BufferedImage rank =
                ImageIO.read(new ByteArrayInputStream(Plots.rankPng(REPORT.groups().get(1))));
        assertEquals(480, rank.getHeight());
        String svg = Plots.barsSvg(REPORT, Measure.CONSISTENCY);
        Document doc =
                DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals(3 * REPORT.groups().size(), count(svg, "class=\"bar\""));
        String rankSvg = Plots.rankSvg(REPORT.groups().get(1));
        long points =
                REPORT.groups().get(1).byRank().stream()
                        .filter(
                                p ->
                                        p.axisClass() != AxisClass.ORTHOGONAL
                                                && p.magnitudeMean() != null)
                        .count();
        assertEquals(points, count(rankSvg, "class=\"point\""));
    }

    /**
     * Rating axes carry whole-number ticks within their scale (no 2.25 on a 1–9 scale), and the
     * colour key lies above the plot area, so no bar or point can run under it.
     */
    @Test
    void axesHaveWholeTicksOnTheAnswerScaleAndTheKeyOverlapsNothing() throws Exception {
        Map<Measure, Double> top =
                Map.of(
                        Measure.SEEN_CHANGE, 100.0,
                        Measure.MAGNITUDE, 100.0,
                        Measure.CONSISTENCY, 8.0,
                        Measure.DIFFICULTY, 8.0,
                        Measure.SHARED_COUNT, 5.0);
        for (Measure measure : Measure.values()) {
            Document doc = parse(Plots.barsSvg(REPORT, measure));
            List<Double> ticks = new ArrayList<>();
            NodeList texts = doc.getElementsByTagName("text");
            for (int i = 0; i < texts.getLength(); i++) {
                Element t = (Element) texts.item(i);
                if ("end".equals(t.getAttribute("text-anchor"))) {
                    String label = t.getTextContent();
                    assertTrue(label.matches("\\d+"), measure + " tick " + label);
                    ticks.add(Double.parseDouble(label));
                }
            }
            assertEquals(0.0, ticks.get(0), measure + " starts at 0");
            assertEquals(top.get(measure), Collections.max(ticks), measure + " top tick");
            assertKeyAboveData(doc, "bar", measure.toString());
        }
        assertKeyAboveData(parse(Plots.rankSvg(REPORT.groups().get(1))), "point", "rank");
    }

    private static void assertKeyAboveData(Document doc, String dataClass, String what) {
        double keyBottom = Double.NEGATIVE_INFINITY;
        double dataTop = Double.POSITIVE_INFINITY;
        NodeList shapes = doc.getDocumentElement().getChildNodes();
        for (int i = 0; i < shapes.getLength(); i++) {
            if (!(shapes.item(i) instanceof Element e)) {
                continue;
            }
            if ("line".equals(e.getTagName())
                    && e.getAttribute("x1").equals(e.getAttribute("x2"))
                    && "70.00".equals(e.getAttribute("x1"))) {
                // The y axis (at ChartFrame.LEFT) spans the plot area: the key must stay above it.
                dataTop =
                        Math.min(
                                dataTop,
                                Math.min(
                                        Double.parseDouble(e.getAttribute("y1")),
                                        Double.parseDouble(e.getAttribute("y2"))));
            } else if ("legend".equals(e.getAttribute("class"))) {
                keyBottom =
                        Math.max(
                                keyBottom,
                                Double.parseDouble(e.getAttribute("y"))
                                        + Double.parseDouble(e.getAttribute("height")));
            } else if (dataClass.equals(e.getAttribute("class"))) {
                dataTop =
                        Math.min(
                                dataTop,
                                e.hasAttribute("cy")
                                        ? Double.parseDouble(e.getAttribute("cy"))
                                                - Double.parseDouble(e.getAttribute("r"))
                                        : Double.parseDouble(e.getAttribute("y")));
            }
        }
        assertTrue(keyBottom > 0 && dataTop < 480, what + ": key and data drawn");
        assertTrue(
                keyBottom < dataTop, what + ": key ends at " + keyBottom + ", data at " + dataTop);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean hasColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int count(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }
}
