package org.eigenstudy.backend.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eigenstudy.backend.statistics.planning.PilotModel;
import org.eigenstudy.backend.statistics.planning.PowerReport;
import org.eigenstudy.backend.statistics.planning.PowerRun;
import org.eigenstudy.backend.statistics.planning.PowerSimulation;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.report.PowerSection;
import org.eigenstudy.backend.statistics.tables.LatexExporter;
import org.eigenstudy.backend.statistics.tables.MarkdownExporter;
import org.junit.jupiter.api.Test;

/**
 * The report's power section in Markdown and LaTeX: the note pointing to "Plan sample size" when
 * nothing was run, one table per run otherwise, whose cells are the simulation's own numbers and
 * whose caption names the request (simulations, seed, date) and the pilot.
 */
class PowerExportTest {

    private static final AnalysisReport REPORT =
            StudyAnalysis.analyse(StudyRows.load().stream(), AnalysisOptions.defaults());

    private static PowerRun run() {
        PilotModel pilot =
                new PilotModel(
                        false,
                        List.of("top", "orthogonal", "bottom"),
                        new double[] {55, 50, 48},
                        9,
                        4,
                        100,
                        new int[] {4, 4, 4});
        PowerSimulation.Settings settings =
                new PowerSimulation.Settings(List.of(6, 12), List.of(4), 20, 3L, 0.05);
        PowerReport report =
                PowerReport.of(
                        "magnitude",
                        "magnitude when a change was seen",
                        pilot,
                        8,
                        96,
                        4,
                        settings,
                        PowerSimulation.run(pilot, settings));
        return PowerRun.of(report, 1, Instant.parse("2026-12-06T21:30:00Z"));
    }

    @Test
    void withoutARunTheReportPointsToPlanSampleSize() {
        AnalysisReport report = REPORT.withPower(PowerSection.of(List.of()));
        String md = MarkdownExporter.export(report);
        int section =
                md.indexOf("## Sample-size planning (simulated power)\n\nNo power simulation");
        assertTrue(section > md.indexOf("### Headline: variance components"), md);
        assertTrue(section < md.indexOf("## Descriptive"), md);
        assertTrue(md.contains("\"Plan sample size\""), md);
        String tex = LatexExporter.export(report);
        assertTrue(tex.contains("% Sample-size planning (simulated power): No power simulation"));
        assertEquals(
                count(LatexExporter.export(REPORT), "\\begin{table}"),
                count(tex, "\\begin{table}"));
        // A report without a study behind it (the library alone) has no section at all.
        assertTrue(!MarkdownExporter.export(REPORT).contains("Sample-size planning"));
    }

    @Test
    void aRunIsATableOfItsOwnNumbers() {
        PowerRun run = run();
        assertEquals(List.of(6, 12), run.participants());
        assertEquals(List.of(4), run.axesPerClass());
        AnalysisReport report = REPORT.withPower(PowerSection.of(List.of(run)));
        String md = MarkdownExporter.export(report);
        assertTrue(
                md.contains(
                        "| participants | axes per class | top − bottom | top − orthogonal |"
                                + " failed fits |"),
                md);
        for (PowerSimulation.Cell cell : run.cells()) {
            StringBuilder row = new StringBuilder("| " + cell.participants() + " | 4 |");
            for (PowerSimulation.ContrastPower c : cell.contrasts()) {
                row.append(' ')
                        .append(f(c.power()))
                        .append(" ± ")
                        .append(f(c.monteCarloSe()))
                        .append(" (")
                        .append(f(c.powerUnadjusted()))
                        .append(") |");
            }
            row.append(' ').append(cell.failedFits()).append(" |");
            assertTrue(md.contains(row), row + "\n" + md);
        }
        assertTrue(md.contains("### Power: magnitude when a change was seen"), md);
        assertTrue(md.contains("Share of 20 simulated studies per row"), md);
        assertTrue(md.contains("Run 2026-12-06 21:30 UTC, seed 3,"), md);
        assertTrue(md.contains("on 8 participants and 96 responses (4 axes per class"), md);
        assertTrue(md.contains("top − bottom 7.00, top − orthogonal 5.00"), md);
        String tex = LatexExporter.export(report);
        assertEquals(
                count(LatexExporter.export(REPORT), "\\begin{table}") + 1,
                count(tex, "\\begin{table}"));
        assertTrue(tex.contains("\\begin{tabular}{lllll}"), tex);
        // The model's formula survives LaTeX: ~ and | are escaped, not a space and a dash.
        assertTrue(
                tex.contains(
                        "lmer(magnitude \\textasciitilde{} class + (1 \\textbar{} participant)"),
                tex);
        assertTrue(!tex.contains("±") && !tex.contains("\u0000"), tex);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static int count(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }
}
