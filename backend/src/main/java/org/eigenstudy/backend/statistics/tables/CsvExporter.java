package org.eigenstudy.backend.statistics.tables;

import java.util.Map;
import org.eigenstudy.backend.statistics.inference.TestResult;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.report.ClassReport;
import org.eigenstudy.backend.statistics.report.Estimate;
import org.eigenstudy.backend.statistics.report.GroupReport;
import org.eigenstudy.backend.statistics.report.MeanComparison;
import org.eigenstudy.backend.statistics.report.MeasureSummary;
import org.eigenstudy.backend.statistics.report.PairedComparison;
import org.eigenstudy.backend.statistics.report.ProportionComparison;
import org.eigenstudy.backend.statistics.report.RankCorrelation;
import org.eigenstudy.backend.statistics.report.RankPoint;

/**
 * The whole report as one tidy CSV: one number per line, identified by group, section, measure,
 * classes, rank and statistic; a not-computable result is one line with an empty value and its
 * reason in {@code note}. Reads straight into R ({@code read.csv}) or pandas.
 */
public final class CsvExporter {

    public static final String HEADER =
            "scope,model,space,section,measure,class_a,class_b,rank,statistic,value,note";

    private final StringBuilder out = new StringBuilder(HEADER).append('\n');
    private GroupReport group;

    private CsvExporter() {}

    public static String export(AnalysisReport report) {
        CsvExporter csv = new CsvExporter();
        report.groups().forEach(csv::group);
        return csv.out.toString();
    }

    private void group(GroupReport g) {
        this.group = g;
        for (ClassReport c : g.classes()) {
            String cls = c.axisClass().label();
            value("summary", "", cls, "", "", "trials", c.trials());
            value("summary", "", cls, "", "", "participants", c.participants());
            var seen = c.seenChange();
            if (seen.computable()) {
                value("summary", "seen_change", cls, "", "", "seen", seen.seen());
                value("summary", "seen_change", cls, "", "", "fraction", seen.fraction());
                value("summary", "seen_change", cls, "", "", "wilson_low", seen.wilsonLow());
                value("summary", "seen_change", cls, "", "", "wilson_high", seen.wilsonHigh());
            } else {
                missing("summary", "seen_change", cls, "", "fraction", seen.reason());
            }
            estimate("summary", "seen_change", cls, "", "bootstrap", seen.bootstrapFraction());
            for (Map.Entry<String, MeasureSummary> e : c.measures().entrySet()) {
                MeasureSummary s = e.getValue();
                value("summary", e.getKey(), cls, "", "", "n", s.n());
                if (s.computable()) {
                    value("summary", e.getKey(), cls, "", "", "mean", s.mean());
                    value("summary", e.getKey(), cls, "", "", "sd", s.sd());
                    value("summary", e.getKey(), cls, "", "", "sem", s.sem());
                } else {
                    missing("summary", e.getKey(), cls, "", "mean", s.reason());
                }
                estimate("summary", e.getKey(), cls, "", "bootstrap", s.bootstrapMean());
            }
        }
        for (ProportionComparison p : g.seenChangeComparisons()) {
            String a = p.a().label();
            String b = p.b().label();
            estimate("comparison", "seen_change", a, b, "difference", p.difference());
            test("comparison", "seen_change", a, b, "chisq", p.chiSquare());
            test("comparison", "seen_change", a, b, "chisq_yates", p.chiSquareYates());
            test("comparison", "seen_change", a, b, "fisher", p.fisher());
        }
        g.measureComparisons()
                .forEach(
                        (measure, list) -> {
                            for (MeanComparison m : list) {
                                String a = m.a().label();
                                String b = m.b().label();
                                estimate("comparison", measure, a, b, "difference", m.difference());
                                test("comparison", measure, a, b, "welch", m.welch());
                                test("comparison", measure, a, b, "student", m.student());
                                test("comparison", measure, a, b, "mann_whitney", m.mannWhitney());
                                test("comparison", measure, a, b, "hedges_g", m.hedgesG());
                            }
                        });
        g.pairedComparisons()
                .forEach(
                        (measure, list) -> {
                            for (PairedComparison m : list) {
                                String a = m.a().label();
                                String b = m.b().label();
                                value(
                                        "paired",
                                        measure,
                                        a,
                                        b,
                                        "",
                                        "participants",
                                        m.participants());
                                test("paired", measure, a, b, "paired_t", m.pairedT());
                                test("paired", measure, a, b, "signed_rank", m.signedRank());
                            }
                        });
        for (RankCorrelation r : g.rankCorrelations()) {
            test("spearman", r.response() + "~" + r.predictor(), "", "", "spearman", r.spearman());
        }
        for (RankPoint p : g.byRank()) {
            String cls = p.axisClass().label();
            String rank = Integer.toString(p.rank());
            value("by_rank", "seen_change", cls, "", rank, "trials", p.trials());
            value("by_rank", "seen_change", cls, "", rank, "fraction", p.seenFraction());
            value("by_rank", "magnitude", cls, "", rank, "n", p.magnitudeN());
            if (p.magnitudeMean() != null) {
                value("by_rank", "magnitude", cls, "", rank, "mean", p.magnitudeMean());
            }
            if (p.magnitudeSem() != null) {
                value("by_rank", "magnitude", cls, "", rank, "sem", p.magnitudeSem());
            }
        }
    }

    private void test(
            String section, String measure, String a, String b, String name, TestResult t) {
        if (!t.computable()) {
            missing(section, measure, a, b, name + ".p", t.reason());
            return;
        }
        optional(section, measure, a, b, name + "." + statisticKey(t), t.statistic());
        optional(section, measure, a, b, name + ".df", t.df());
        optional(section, measure, a, b, name + ".estimate", t.estimate());
        optional(section, measure, a, b, name + ".p", t.p());
        optional(section, measure, a, b, name + ".p_holm", t.pHolm());
    }

    private static String statisticKey(TestResult t) {
        return t.statisticName() == null ? "statistic" : t.statisticName().replace(' ', '_');
    }

    private void estimate(
            String section, String measure, String a, String b, String name, Estimate e) {
        if (!e.computable()) {
            missing(section, measure, a, b, name, e.reason());
            return;
        }
        value(section, measure, a, b, "", name, e.value());
        value(section, measure, a, b, "", name + "_low", e.low());
        value(section, measure, a, b, "", name + "_high", e.high());
    }

    private void optional(
            String section, String measure, String a, String b, String name, Double v) {
        if (v != null) {
            value(section, measure, a, b, "", name, v);
        }
    }

    private void value(
            String section,
            String measure,
            String a,
            String b,
            String rank,
            String name,
            Object v) {
        line(section, measure, a, b, rank, name, String.valueOf(v), "");
    }

    private void missing(
            String section, String measure, String a, String b, String name, String why) {
        line(section, measure, a, b, "", name, "", "not computable: " + why);
    }

    private void line(
            String section,
            String measure,
            String a,
            String b,
            String rank,
            String name,
            String value,
            String note) {
        String[] cells = {
            group.scope(),
            group.modelId() == null ? "" : group.modelId(),
            group.space() == null ? "" : group.space(),
            section,
            measure,
            a,
            b,
            rank,
            name,
            value,
            note
        };
        for (int i = 0; i < cells.length; i++) {
            out.append(i == 0 ? "" : ",").append(quote(cells[i]));
        }
        out.append('\n');
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
