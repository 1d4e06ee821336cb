package org.eigenstudy.backend.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.report.GroupReport;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.junit.jupiter.api.Test;

/** Degenerate inputs give explicit not-computable results, never NaN in JSON, never a crash. */
class EdgeCaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(AnalysisReport report) throws Exception {
        String text = JSON.writeValueAsString(report);
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        return text;
    }

    @Test
    void noResponsesAtAll() throws Exception {
        AnalysisReport report = StudyAnalysis.analyse(Stream.empty(), AnalysisOptions.defaults());
        assertEquals(1, report.groups().size());
        GroupReport overall = report.overall();
        assertFalse(overall.classes().get(0).seenChange().computable());
        assertFalse(overall.measureComparisons().get("magnitude").get(0).welch().computable());
        assertFalse(overall.rankCorrelations().get(0).spearman().computable());
        JsonNode tree = JSON.readTree(json(report));
        JsonNode welch = tree.at("/groups/0/measureComparisons/magnitude/0/welch");
        assertFalse(welch.get("computable").asBoolean());
        assertTrue(welch.get("reason").asText().contains("at least 2"), welch.toString());
        assertNull(welch.get("p"));
    }

    @Test
    void emptyClassAndSingleValueClass() throws Exception {
        List<ResponseRow> rows = new ArrayList<>();
        for (int p = 0; p < 30; p++) {
            rows.add(Rows.trial(p, AxisClass.TOP, true, 1 + p % 9));
        }
        rows.add(Rows.trial(99, AxisClass.ORTHOGONAL, true, 4));
        AnalysisReport report = StudyAnalysis.analyse(rows.stream(), AnalysisOptions.defaults());
        GroupReport overall = report.overall();
        var orthogonal = overall.classes().get(1).measures().get("consistency");
        assertEquals(1, orthogonal.n());
        assertFalse(orthogonal.computable());
        assertEquals(4.0, orthogonal.mean());
        assertNull(orthogonal.sd());
        var bottom = overall.classes().get(2);
        assertEquals(0, bottom.trials());
        assertFalse(bottom.seenChange().computable());
        var topBottom = overall.seenChangeComparisons().get(1);
        assertFalse(topBottom.fisher().computable());
        assertEquals("a class has no trials", topBottom.fisher().reason());
        assertFalse(overall.measureComparisons().get("consistency").get(0).student().computable());
        json(report);
    }

    @Test
    void zeroVarianceInBothClasses() throws Exception {
        List<ResponseRow> rows = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            rows.add(Rows.trial(p, AxisClass.TOP, true, 5));
            rows.add(Rows.trial(p, AxisClass.BOTTOM, true, 5));
        }
        AnalysisReport report = StudyAnalysis.analyse(rows.stream(), AnalysisOptions.defaults());
        var comparison = report.overall().measureComparisons().get("consistency").get(1);
        assertEquals("both samples have zero variance", comparison.welch().reason());
        assertEquals("both samples have zero variance", comparison.student().reason());
        assertEquals("all values are equal", comparison.mannWhitney().reason());
        assertFalse(comparison.hedgesG().computable());
        var paired = report.overall().pairedComparisons().get("consistency").get(1);
        assertEquals("every paired difference is zero", paired.signedRank().reason());
        // Everyone saw a change in both classes: the 2x2 table has an empty column.
        assertFalse(report.overall().seenChangeComparisons().get(1).chiSquare().computable());
        assertTrue(report.overall().seenChangeComparisons().get(1).fisher().computable());
        json(report);
    }

    @Test
    void badRowsAndOptionsAreRejectedWithTheirName() {
        ResponseRow bad =
                new ResponseRow(
                        7, "m", "z", AxisClass.TOP, 1, 1.0, true, 50.0, 3, 12, 5, false, null);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> StudyAnalysis.analyse(Stream.of(bad), AnalysisOptions.defaults()));
        assertTrue(e.getMessage().contains("consistency"), e.getMessage());
        IllegalArgumentException o =
                assertThrows(
                        IllegalArgumentException.class, () -> new AnalysisOptions(0, 500, 1, 0.95));
        assertTrue(o.getMessage().contains("bootstrapResamples"), o.getMessage());
    }

    @Test
    void clusterBootstrapOfIndependentTrialsMatchesTheNormalInterval() {
        // One trial per participant: clustering changes nothing, so the percentile interval must be
        // close to mean +- 1.96 SEM (to within Monte Carlo error of 2000 resamples).
        List<ResponseRow> rows = new ArrayList<>();
        java.util.Random random = new java.util.Random(5);
        for (int p = 0; p < 4000; p++) {
            double magnitude = Math.min(100, Math.max(0, 60 + 15 * random.nextGaussian()));
            rows.add(Rows.trial(p, "m", AxisClass.TOP, 1, true, magnitude, 5));
        }
        AnalysisReport report = StudyAnalysis.analyse(rows.stream(), AnalysisOptions.defaults());
        var magnitude = report.overall().classes().get(0).measures().get("magnitude");
        double halfWidth = 1.959964 * magnitude.sem();
        var boot = magnitude.bootstrapMean();
        assertNotNull(boot.low());
        assertEquals(magnitude.mean() - halfWidth, boot.low(), 0.08 * halfWidth);
        assertEquals(magnitude.mean() + halfWidth, boot.high(), 0.08 * halfWidth);
    }
}
