package org.eigenstudy.backend.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.statistics.inference.Holm;
import org.eigenstudy.backend.statistics.inference.Interval;
import org.eigenstudy.backend.statistics.inference.MannWhitney;
import org.eigenstudy.backend.statistics.inference.PairedT;
import org.eigenstudy.backend.statistics.inference.Proportions;
import org.eigenstudy.backend.statistics.inference.SampleStats;
import org.eigenstudy.backend.statistics.inference.SignedRank;
import org.eigenstudy.backend.statistics.inference.Sorting;
import org.eigenstudy.backend.statistics.inference.Spearman;
import org.eigenstudy.backend.statistics.inference.TestResult;
import org.eigenstudy.backend.statistics.inference.TwoSampleTests;
import org.eigenstudy.backend.statistics.report.ClassReport;
import org.eigenstudy.backend.statistics.report.Estimate;
import org.eigenstudy.backend.statistics.report.GroupReport;
import org.eigenstudy.backend.statistics.report.MeanComparison;
import org.eigenstudy.backend.statistics.report.MeasureSummary;
import org.eigenstudy.backend.statistics.report.PairedComparison;
import org.eigenstudy.backend.statistics.report.ProportionComparison;
import org.eigenstudy.backend.statistics.report.ProportionSummary;
import org.eigenstudy.backend.statistics.report.RankCorrelation;
import org.eigenstudy.backend.statistics.report.RankPoint;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * Analyses one group of trials (the whole study or one model's space) after exclusion.
 *
 * <p>Over 250 lines on purpose: {@link #collect()} sorts each class's columns and fills the
 * participant cells once, and every summary and comparison below reads that one state; split into
 * classes, each would need the sorted buffers, the cells and the bootstrap handed over. Splitting
 * it by descriptive section (proportions, means, paired, ranks) is the way to do it.
 */
final class GroupAnalyser {

    private static final int CLASSES = ParticipantCells.CLASSES;
    private static final int SEEN = Measure.SEEN_CHANGE.ordinal();
    private static final int MAGNITUDE = Measure.MAGNITUDE.ordinal();
    private static final AxisClass[] AXIS = AxisClass.values();

    private final List<ColumnStore> stores;
    private final int group;
    private final boolean[] included;
    private final ParticipantCells cells;
    private final ClusterBootstrap bootstrap;
    private final double confidence;

    private final DoubleBuffer[][] values = new DoubleBuffer[CLASSES][ParticipantCells.MEASURES];
    private final long[] trials = new long[CLASSES];
    private final BitSet[] participants = new BitSet[CLASSES];
    private final BitSet anyParticipant = new BitSet();
    private final DoubleBuffer eigenRank = new DoubleBuffer(1024);
    private final DoubleBuffer eigenLog = new DoubleBuffer(1024);
    private final DoubleBuffer eigenSeen = new DoubleBuffer(1024);
    private final DoubleBuffer eigenMagnitude = new DoubleBuffer(1024);

    /** Per class, indexed by rank: trials, seen, magnitude n, sum and sum of squares. */
    private final double[][][] byRank = new double[CLASSES][5][16];

    GroupAnalyser(
            List<ColumnStore> stores,
            int group,
            boolean[] included,
            ParticipantCells cells,
            ClusterBootstrap bootstrap,
            double confidence) {
        this.stores = stores;
        this.group = group;
        this.included = included;
        this.cells = cells;
        this.bootstrap = bootstrap;
        this.confidence = confidence;
        int expected = stores.stream().mapToInt(s -> s.size).sum() / CLASSES;
        for (int c = 0; c < CLASSES; c++) {
            participants[c] = new BitSet();
            for (int m = 0; m < ParticipantCells.MEASURES; m++) {
                values[c][m] = new DoubleBuffer(expected);
            }
        }
    }

    GroupReport analyse(String scope, String modelId, String space) {
        collect();
        List<ClassReport> classes = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            if (reported(c)) {
                classes.add(classReport(c));
            }
        }
        Map<String, List<MeanComparison>> measureComparisons = new LinkedHashMap<>();
        for (Measure m : Measure.CONTINUOUS) {
            measureComparisons.put(m.key(), meanComparisons(m.ordinal()));
        }
        Map<String, List<PairedComparison>> paired = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            paired.put(m.key(), pairedComparisons(m.ordinal()));
        }
        return new GroupReport(
                scope,
                modelId,
                space,
                anyParticipant.cardinality(),
                classes,
                seenComparisons(),
                measureComparisons,
                paired,
                rankCorrelations(),
                rankPoints());
    }

    /**
     * A study of the metric's axes alone reports its three classes, empty ones included, as it
     * always has; a study that shows other methods reports the classes it has trials in.
     */
    private boolean reported(int c) {
        boolean methods = false;
        for (int k = 0; k < CLASSES; k++) {
            methods |= !AXIS[k].method().equals("hessian") && trials[k] > 0;
        }
        return methods ? trials[c] > 0 : AXIS[c].method().equals("hessian");
    }

    /**
     * The indices into {@link ClusterBootstrap#PAIRS} of the pairs of reported classes: the
     * comparisons made, and the family each Holm adjustment is over.
     */
    private int[] comparedPairs() {
        return java.util.stream.IntStream.range(0, ClusterBootstrap.PAIRS.length)
                .filter(
                        k ->
                                reported(ClusterBootstrap.PAIRS[k][0])
                                        && reported(ClusterBootstrap.PAIRS[k][1]))
                .toArray();
    }

    private void collect() {
        for (ColumnStore s : stores) {
            for (int r = 0; r < s.size; r++) {
                int p = s.participant[r];
                if (!included[p]) {
                    continue;
                }
                int c = s.axisClass[r];
                trials[c]++;
                participants[c].set(p);
                anyParticipant.set(p);
                for (int m = 0; m < ParticipantCells.MEASURES; m++) {
                    double v = s.measures[m][r];
                    if (!Double.isNaN(v)) {
                        values[c][m].add(v);
                    }
                }
                if (AXIS[c].isEigenvector()) {
                    eigenRank.add(s.rank[r]);
                    eigenLog.add(s.logEigenvalue[r]);
                    eigenSeen.add(s.measures[SEEN][r]);
                    eigenMagnitude.add(s.measures[MAGNITUDE][r]);
                }
                addRankPoint(c, s.rank[r], s.measures[SEEN][r], s.measures[MAGNITUDE][r]);
            }
        }
    }

    private void addRankPoint(int c, int rank, double seen, double magnitude) {
        double[][] table = byRank[c];
        if (rank >= table[0].length) {
            int capacity = Math.max(rank + 1, table[0].length * 2);
            for (int k = 0; k < table.length; k++) {
                table[k] = Arrays.copyOf(table[k], capacity);
            }
        }
        table[0][rank]++;
        table[1][rank] += seen;
        if (!Double.isNaN(magnitude)) {
            table[2][rank]++;
            table[3][rank] += magnitude;
            table[4][rank] += magnitude * magnitude;
        }
    }

    private ClassReport classReport(int c) {
        Map<String, MeasureSummary> measures = new LinkedHashMap<>();
        for (Measure m : Measure.CONTINUOUS) {
            measures.put(m.key(), measureSummary(c, m.ordinal()));
        }
        return new ClassReport(
                AXIS[c], trials[c], participants[c].cardinality(), seenSummary(c), measures);
    }

    private ProportionSummary seenSummary(int c) {
        long n = values[c][SEEN].size;
        long seen = Math.round(sum(values[c][SEEN]));
        if (n == 0) {
            return new ProportionSummary(
                    0,
                    0,
                    false,
                    "no trials in this class",
                    null,
                    null,
                    null,
                    Estimate.notComputable("no trials in this class"));
        }
        Interval wilson = Proportions.wilson(seen, n, confidence);
        return new ProportionSummary(
                seen,
                n,
                true,
                null,
                (double) seen / n,
                wilson.low(),
                wilson.high(),
                bootstrap.mean(group, c, SEEN));
    }

    private MeasureSummary measureSummary(int c, int m) {
        DoubleBuffer b = values[c][m];
        SampleStats s = SampleStats.of(b.values, b.size);
        Estimate boot = bootstrap.mean(group, c, m);
        if (b.size == 0) {
            return new MeasureSummary(0, false, "no values in this class", null, null, null, boot);
        }
        if (b.size == 1) {
            return new MeasureSummary(
                    1,
                    false,
                    "n = 1: SD and SEM need at least 2 values",
                    s.mean(),
                    null,
                    null,
                    boot);
        }
        return new MeasureSummary(s.n(), true, null, s.mean(), s.sd(), s.sem(), boot);
    }

    private List<ProportionComparison> seenComparisons() {
        List<TestResult> chi = new ArrayList<>();
        List<TestResult> yates = new ArrayList<>();
        List<TestResult> fisher = new ArrayList<>();
        for (int k : comparedPairs()) {
            int[] pair = ClusterBootstrap.PAIRS[k];
            long na = values[pair[0]][SEEN].size;
            long nb = values[pair[1]][SEEN].size;
            long xa = Math.round(sum(values[pair[0]][SEEN]));
            long xb = Math.round(sum(values[pair[1]][SEEN]));
            chi.add(Proportions.chiSquare(xa, na, xb, nb, false));
            yates.add(Proportions.chiSquare(xa, na, xb, nb, true));
            fisher.add(Proportions.fisher(xa, na, xb, nb));
        }
        chi = Holm.adjustFamily(chi);
        yates = Holm.adjustFamily(yates);
        fisher = Holm.adjustFamily(fisher);
        List<ProportionComparison> out = new ArrayList<>();
        int[] pairs = comparedPairs();
        for (int i = 0; i < pairs.length; i++) {
            int[] pair = ClusterBootstrap.PAIRS[pairs[i]];
            out.add(
                    new ProportionComparison(
                            AXIS[pair[0]],
                            AXIS[pair[1]],
                            bootstrap.difference(group, pairs[i], SEEN),
                            chi.get(i),
                            yates.get(i),
                            fisher.get(i)));
        }
        return out;
    }

    private List<MeanComparison> meanComparisons(int m) {
        SampleStats[] stats = new SampleStats[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            stats[c] = SampleStats.of(values[c][m].values, values[c][m].size);
            Sorting.sort(values[c][m].values, 0, values[c][m].size);
        }
        List<TestResult> welch = new ArrayList<>();
        List<TestResult> student = new ArrayList<>();
        List<TestResult> rank = new ArrayList<>();
        for (int k : comparedPairs()) {
            int[] pair = ClusterBootstrap.PAIRS[k];
            SampleStats a = stats[pair[0]];
            SampleStats b = stats[pair[1]];
            welch.add(TwoSampleTests.welch(a, b));
            student.add(TwoSampleTests.student(a, b));
            DoubleBuffer x = values[pair[0]][m];
            DoubleBuffer y = values[pair[1]][m];
            rank.add(MannWhitney.testSorted(x.values, x.size, y.values, y.size));
        }
        welch = Holm.adjustFamily(welch);
        student = Holm.adjustFamily(student);
        rank = Holm.adjustFamily(rank);
        List<MeanComparison> out = new ArrayList<>();
        int[] pairs = comparedPairs();
        for (int i = 0; i < pairs.length; i++) {
            int[] pair = ClusterBootstrap.PAIRS[pairs[i]];
            out.add(
                    new MeanComparison(
                            AXIS[pair[0]],
                            AXIS[pair[1]],
                            bootstrap.difference(group, pairs[i], m),
                            welch.get(i),
                            student.get(i),
                            rank.get(i),
                            TwoSampleTests.hedgesG(stats[pair[0]], stats[pair[1]])));
        }
        return out;
    }

    private List<PairedComparison> pairedComparisons(int m) {
        List<TestResult> t = new ArrayList<>();
        List<TestResult> signed = new ArrayList<>();
        int[] pairs = comparedPairs();
        long[] counts = new long[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            int[] pair = ClusterBootstrap.PAIRS[pairs[i]];
            DoubleBuffer differences = new DoubleBuffer(1024);
            BitSet both = (BitSet) participants[pair[0]].clone();
            both.and(participants[pair[1]]);
            for (int p = both.nextSetBit(0); p >= 0; p = both.nextSetBit(p + 1)) {
                double a = cells.participantMean(p, group, pair[0], m);
                double b = cells.participantMean(p, group, pair[1], m);
                if (!Double.isNaN(a) && !Double.isNaN(b)) {
                    differences.add(a - b);
                }
            }
            counts[i] = differences.size;
            double[] d = differences.toArray();
            t.add(PairedT.test(d));
            signed.add(SignedRank.test(d));
        }
        t = Holm.adjustFamily(t);
        signed = Holm.adjustFamily(signed);
        List<PairedComparison> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i++) {
            int[] pair = ClusterBootstrap.PAIRS[pairs[i]];
            out.add(
                    new PairedComparison(
                            AXIS[pair[0]], AXIS[pair[1]], counts[i], t.get(i), signed.get(i)));
        }
        return out;
    }

    private List<RankCorrelation> rankCorrelations() {
        String[] responses = {"magnitude", "seen_change"};
        String[] predictors = {"rank", "log_eigenvalue"};
        DoubleBuffer[] responseColumns = {eigenMagnitude, eigenSeen};
        DoubleBuffer[] predictorColumns = {eigenRank, eigenLog};
        List<TestResult> tests = new ArrayList<>();
        for (DoubleBuffer response : responseColumns) {
            for (DoubleBuffer predictor : predictorColumns) {
                tests.add(completePairs(predictor, response));
            }
        }
        tests = Holm.adjustFamily(tests);
        List<RankCorrelation> out = new ArrayList<>();
        for (int i = 0; i < responses.length; i++) {
            for (int j = 0; j < predictors.length; j++) {
                out.add(new RankCorrelation(responses[i], predictors[j], tests.get(i * 2 + j)));
            }
        }
        return out;
    }

    /** Spearman over the rows where both columns have a value (R: complete.cases). */
    private static TestResult completePairs(DoubleBuffer x, DoubleBuffer y) {
        double[] xs = new double[x.size];
        double[] ys = new double[x.size];
        int n = 0;
        for (int i = 0; i < x.size; i++) {
            if (Double.isFinite(x.values[i]) && Double.isFinite(y.values[i])) {
                xs[n] = x.values[i];
                ys[n] = y.values[i];
                n++;
            }
        }
        return Spearman.test(xs, ys, n);
    }

    private List<RankPoint> rankPoints() {
        List<RankPoint> out = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            double[][] t = byRank[c];
            for (int rank = 0; rank < t[0].length; rank++) {
                double n = t[2][rank];
                if (t[0][rank] == 0) {
                    continue;
                }
                Double mean = n > 0 ? t[3][rank] / n : null;
                Double sem = null;
                if (n > 1) {
                    double variance = (t[4][rank] - t[3][rank] * t[3][rank] / n) / (n - 1);
                    sem = Math.sqrt(Math.max(0, variance) / n);
                }
                out.add(
                        new RankPoint(
                                AXIS[c],
                                rank,
                                (long) t[0][rank],
                                t[1][rank] / t[0][rank],
                                (long) n,
                                mean,
                                sem));
            }
        }
        return out;
    }

    private static double sum(DoubleBuffer b) {
        double s = 0;
        for (int i = 0; i < b.size; i++) {
            s += b.values[i];
        }
        return s;
    }
}
