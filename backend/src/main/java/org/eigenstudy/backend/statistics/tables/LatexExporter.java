package org.eigenstudy.backend.statistics.tables;

import java.util.List;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.report.GroupReport;

/** LaTeX tables (booktabs) laid out like the paper's results paragraph, one per group. */
public final class LatexExporter {

    private LatexExporter() {}

    public static String export(AnalysisReport report) {
        StringBuilder b = new StringBuilder("% Requires \\usepackage{booktabs}\n");
        b.append("% Headline: mixed models (participants and axes random)\n");
        for (HeadlineTables h : HeadlineTables.of(report.headline())) {
            table(b, h.table(), h.caption());
        }
        if (report.power() != null) {
            b.append("% ")
                    .append(PowerTables.HEADING)
                    .append(": ")
                    .append(text(report.power().note()))
                    .append("\n");
            for (PowerTables p : PowerTables.of(report.power())) {
                table(b, p.table(), p.caption());
            }
        }
        b.append("% Descriptive (trial level): ")
                .append(text(ResultsTable.DESCRIPTIVE))
                .append("\n");
        for (GroupReport group : report.groups()) {
            ResultsTable table = ResultsTable.of(group);
            b.append("\\begin{table}[ht]\n\\centering\n\\caption{")
                    .append(text(table.title()))
                    .append(". ")
                    .append(text(ResultsTable.CAPTION))
                    .append("}\n\\begin{tabular}{l")
                    .append("l".repeat(table.header().size() - 1))
                    .append("}\n\\toprule\n");
            row(b, table.header());
            b.append("\\midrule\n");
            table.rows().forEach(r -> row(b, r));
            b.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n\n");
        }
        return b.toString();
    }

    private static void table(StringBuilder b, ResultsTable t, String caption) {
        b.append("\\begin{table}[ht]\n\\centering\n\\caption{")
                .append(text(t.title()))
                .append(". ")
                .append(text(caption))
                .append("}\n\\begin{tabular}{l")
                .append("l".repeat(t.header().size() - 1))
                .append("}\n\\toprule\n");
        row(b, t.header());
        b.append("\\midrule\n");
        t.rows().forEach(r -> row(b, r));
        b.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n\n");
    }

    private static void row(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            b.append(i == 0 ? "" : " & ").append(text(cells.get(i)));
        }
        b.append(" \\\\\n");
    }

    /**
     * Escapes LaTeX's special characters (an lme4 formula's {@code ~} and {@code |} included: in
     * text mode they would print a space and a dash), then inserts the math-mode markers.
     */
    static String text(String cell) {
        String escaped =
                cell.replace("\\", "\u0001")
                        .replace("~", "\u0002")
                        .replace("|", "\u0003")
                        .replace("&", "\\&")
                        .replace("%", "\\%")
                        .replace("#", "\\#")
                        .replace("_", "\\_")
                        .replace("$", "\\$")
                        .replace("{", "\\{")
                        .replace("}", "\\}")
                        .replace("<", "$<$")
                        .replace("±", "$\\pm$")
                        .replace("−", "$-$")
                        .replace("√", "$\\surd$")
                        .replace("π²", "$\\pi^2$")
                        .replace("∞", "$\\infty$")
                        .replace("\u0001", "\\textbackslash{}")
                        .replace("\u0002", "\\textasciitilde{}")
                        .replace("\u0003", "\\textbar{}");
        return escaped.replace(ResultsTable.PM, "$\\pm$").replace(ResultsTable.PCT, "\\,\\%");
    }
}
