package org.eigenstudy.backend.statistics.tables;

import java.util.List;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.report.GroupReport;

/** Markdown tables laid out like the paper's results paragraph, one per group. */
public final class MarkdownExporter {

    private MarkdownExporter() {}

    public static String export(AnalysisReport report) {
        StringBuilder b = new StringBuilder();
        b.append("## Headline: mixed models (participants and axes random)\n\n")
                .append("Participants: ")
                .append(report.exclusion().participantsIncluded())
                .append(" analysed, ")
                .append(report.exclusion().participantsExcluded())
                .append(" excluded (")
                .append(report.exclusion().rule())
                .append(").\n\n");
        for (HeadlineTables h : HeadlineTables.of(report.headline())) {
            table(b, h.table(), h.caption());
        }
        if (report.power() != null) {
            b.append("## ").append(PowerTables.HEADING).append("\n\n");
            b.append(text(report.power().note())).append("\n\n");
            for (PowerTables p : PowerTables.of(report.power())) {
                table(b, p.table(), p.caption());
            }
        }
        b.append("## Descriptive (trial level)\n\n")
                .append(text(ResultsTable.DESCRIPTIVE))
                .append("\n\n");
        for (GroupReport group : report.groups()) {
            ResultsTable table = ResultsTable.of(group);
            b.append("### ").append(table.title()).append("\n\n");
            row(b, table.header());
            b.append("|").append("---|".repeat(table.header().size())).append('\n');
            table.rows().forEach(r -> row(b, r));
            b.append('\n').append(text(ResultsTable.CAPTION)).append("\n\n");
        }
        return b.toString();
    }

    private static void table(StringBuilder b, ResultsTable table, String caption) {
        b.append("### ").append(text(table.title())).append("\n\n");
        row(b, table.header());
        b.append("|").append("---|".repeat(table.header().size())).append('\n');
        table.rows().forEach(r -> row(b, r));
        b.append('\n').append(text(caption)).append("\n\n");
    }

    private static void row(StringBuilder b, List<String> cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(text(c).replace("|", "\\|")).append(" |");
        }
        b.append('\n');
    }

    private static String text(String cell) {
        return cell.replace(ResultsTable.PM, "±").replace(ResultsTable.PCT, " %");
    }
}
