package org.eigenstudy.backend.statistics.tables;

import java.util.ArrayList;
import java.util.List;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.inference.TestResult;
import org.eigenstudy.backend.statistics.report.ClassReport;
import org.eigenstudy.backend.statistics.report.GroupReport;
import org.eigenstudy.backend.statistics.report.MeasureSummary;

/**
 * The paper's results paragraph as a table, independent of the output syntax: one row per measure,
 * one column per axis class; each cell holds "mean ± SEM", "P" against the top class and "n". Cells
 * are plain text with two markers ({@code PM} for ±, {@code PCT} for %) that each renderer replaces
 * by its own syntax.
 */
record ResultsTable(String title, List<String> header, List<List<String>> rows) {

    static final String PM = "\u0000pm\u0000";
    static final String PCT = "\u0000pct\u0000";
    static final String CAPTION =
            "Mean "
                    + PM
                    + " SEM per axis class; P: Welch t-test against the top class (Fisher exact"
                    + " test for seen-change), Holm-adjusted over the three class pairs; n: trials.";

    static final String DESCRIPTIVE =
            "Descriptive: these trial-level tests treat every trial as independent, which trials of"
                    + " one participant and of one axis are not; they describe the data, the"
                    + " headline above is the inference.";

    static ResultsTable of(GroupReport group) {
        List<String> header = new ArrayList<>(List.of("measure"));
        group.classes().forEach(c -> header.add(c.axisClass().label()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(seenRow(group));
        for (Measure m : Measure.CONTINUOUS) {
            List<String> row = new ArrayList<>(List.of(m.title()));
            for (int c = 0; c < group.classes().size(); c++) {
                MeasureSummary s = group.classes().get(c).measures().get(m.key());
                TestResult vsTop =
                        c == 0 ? null : group.measureComparisons().get(m.key()).get(c - 1).welch();
                row.add(cell(s, vsTop, m == Measure.MAGNITUDE ? PCT : ""));
            }
            rows.add(row);
        }
        return new ResultsTable("Descriptive results: " + group.label(), header, rows);
    }

    private static List<String> seenRow(GroupReport group) {
        List<String> row = new ArrayList<>(List.of(Measure.SEEN_CHANGE.title()));
        for (int c = 0; c < group.classes().size(); c++) {
            ClassReport cls = group.classes().get(c);
            if (!cls.seenChange().computable()) {
                row.add("not computable");
                continue;
            }
            StringBuilder b = new StringBuilder(NumberFormats.percent(cls.seenChange().fraction()));
            b.append(PCT).append(" [").append(NumberFormats.percent(cls.seenChange().wilsonLow()));
            b.append(", ").append(NumberFormats.percent(cls.seenChange().wilsonHigh())).append("]");
            TestResult vsTop = c == 0 ? null : group.seenChangeComparisons().get(c - 1).fisher();
            b.append(suffix(vsTop, cls.trials()));
            row.add(b.toString());
        }
        return row;
    }

    private static String cell(MeasureSummary s, TestResult vsTop, String unit) {
        if (!s.computable()) {
            return "not computable (n = " + s.n() + ")";
        }
        return NumberFormats.meanSem(s.mean(), s.sem(), PM) + unit + suffix(vsTop, s.n());
    }

    private static String suffix(TestResult vsTop, long n) {
        if (vsTop == null) {
            return " (n = " + n + ")";
        }
        if (!vsTop.computable()) {
            return " (P not computable, n = " + n + ")";
        }
        double p = vsTop.pHolm() != null ? vsTop.pHolm() : vsTop.p();
        return " (P = " + NumberFormats.p(p) + ", n = " + n + ")";
    }
}
