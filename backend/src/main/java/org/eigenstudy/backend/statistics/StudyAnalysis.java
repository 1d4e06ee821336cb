package org.eigenstudy.backend.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eigenstudy.backend.statistics.headline.HeadlineAnalyser;
import org.eigenstudy.backend.statistics.headline.HeadlineTrials;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.report.Exclusion;
import org.eigenstudy.backend.statistics.report.GroupReport;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * The study's statistics from a stream of responses, read once. Feed rows with {@link
 * #accept(ResponseRow)} (or use the static {@code analyse} methods) and call {@link #finish()}.
 */
public final class StudyAnalysis {

    static final List<String> METHODS =
            List.of(
                    "Headline (inference): per measure a mixed model with crossed random"
                            + " intercepts for participant and axis (axis nested in model) and"
                            + " fixed effects for class (and model when the study has several);"
                            + " linear (REML, lme4 lmer) for magnitude, consistency, difficulty"
                            + " and shared count, with by-participant random slopes for class"
                            + " unless their fit is singular; logistic (Laplace, glmer) for"
                            + " change seen.",
                    "Headline class means: emmeans' estimated marginal means with 95% CIs;"
                            + " contrasts: t tests with Satterthwaite df (lmerTest) for the"
                            + " linear models, z tests on the logit scale for change seen; p"
                            + " Holm-adjusted over the three class pairs of one measure.",
                    "Magnitude, shared count and consistency are only asked after a seen"
                            + " change: their models describe seen trials. Sensitivity analysis:"
                            + " magnitude and shared count refitted with unseen trials scored 0.",
                    "Everything below is descriptive: trial-level tests treat trials as"
                            + " independent, which they are not.",
                    "Descriptive: trial-level two-sample comparisons between axis classes (top vs orthogonal, top vs"
                            + " bottom, orthogonal vs bottom). Primary test: Welch's t-test (unequal"
                            + " variances); Student's pooled-variance t-test is reported alongside.",
                    "Hedges' g uses the pooled SD and the correction J = 1 - 3/(4(n1+n2)-9).",
                    "Mann-Whitney U (R wilcox.test): exact p when both classes have < 50 values and no"
                            + " ties, otherwise normal approximation with continuity and ties"
                            + " corrections.",
                    "Seen-change fractions: Wilson 95% score intervals; 2x2 Pearson chi-square with"
                            + " and without Yates' continuity correction (R prop.test / chisq.test);"
                            + " two-sided Fisher exact test.",
                    "Holm correction within each family shown together: the three class pairs of"
                            + " one test on one measure in one group; the four Spearman correlations of"
                            + " one group.",
                    "Spearman correlations over trials on eigen-axes (top and bottom classes) of"
                            + " magnitude (seen trials only) and of seen-change with eigen-rank and"
                            + " with log eigenvalue; p from R's t approximation (cor.test"
                            + " exact = FALSE), which R also uses whenever there are ties.",
                    "Participant-clustered percentile bootstrap: participants are resampled with"
                            + " replacement, every mean is the pooled trial-level mean; intervals for"
                            + " class means and for differences of class means.",
                    "Participant-level paired comparison: each participant's mean per class;"
                            + " paired t-test and Wilcoxon signed-rank test (zeros dropped, as R"
                            + " 4.2) over participants who answered in both classes.",
                    "Catch trials are not analysed; a participant who failed more catch trials than"
                            + " the configured maximum is excluded with all their responses.");

    private final AnalysisOptions options;
    private final boolean headline;
    private final Map<String, Map<String, ColumnStore>> stores = new LinkedHashMap<>();
    private ColumnStore lastStore;
    private final Map<Long, Integer> participantIndex = new HashMap<>();
    private int[] failedCatch = new int[1024];
    private long responses;
    private long catchTrials;

    public StudyAnalysis(AnalysisOptions options) {
        this(options, true);
    }

    /**
     * @param headline whether to fit the headline mixed models; false only for the descriptive
     *     benchmark, which times the trial-level tables alone
     */
    public StudyAnalysis(AnalysisOptions options, boolean headline) {
        this.options = options;
        this.headline = headline;
    }

    public static AnalysisReport analyse(Iterator<ResponseRow> rows, AnalysisOptions options) {
        StudyAnalysis analysis = new StudyAnalysis(options);
        rows.forEachRemaining(analysis::accept);
        return analysis.finish();
    }

    public static AnalysisReport analyse(Stream<ResponseRow> rows, AnalysisOptions options) {
        return analyse(rows.iterator(), options);
    }

    /** Adds one response; throws IllegalArgumentException naming the bad field. */
    public void accept(ResponseRow row) {
        row.validate();
        responses++;
        int p = participant(row.participantId());
        if (row.catchTrial()) {
            catchTrials++;
            if (!row.catchPassed()) {
                failedCatch[p]++;
            }
            return;
        }
        store(row.modelId(), row.space()).add(p, row);
    }

    private ColumnStore store(String modelId, String space) {
        // Rows of one model usually arrive together: skip the map lookups for runs of them.
        if (lastStore != null
                && lastStore.modelId.equals(modelId)
                && lastStore.space.equals(space)) {
            return lastStore;
        }
        lastStore =
                stores.computeIfAbsent(modelId, k -> new LinkedHashMap<>())
                        .computeIfAbsent(space, k -> new ColumnStore(modelId, space));
        return lastStore;
    }

    private int participant(long id) {
        Integer index = participantIndex.get(id);
        if (index != null) {
            return index;
        }
        int next = participantIndex.size();
        participantIndex.put(id, next);
        if (next == failedCatch.length) {
            failedCatch = Arrays.copyOf(failedCatch, next * 2);
        }
        return next;
    }

    public AnalysisReport finish() {
        int participants = participantIndex.size();
        boolean[] included = new boolean[participants];
        int includedCount = 0;
        for (int p = 0; p < participants; p++) {
            included[p] = failedCatch[p] <= options.maxFailedCatchTrials();
            includedCount += included[p] ? 1 : 0;
        }
        int[] includedIndex = new int[includedCount];
        for (int p = 0, k = 0; p < participants; p++) {
            if (included[p]) {
                includedIndex[k++] = p;
            }
        }
        List<ColumnStore> models = new ArrayList<>();
        stores.values().forEach(bySpace -> models.addAll(bySpace.values()));
        models.sort(Comparator.comparing((ColumnStore s) -> s.modelId).thenComparing(s -> s.space));
        ParticipantCells cells = new ParticipantCells(models, participants, included);
        ClusterBootstrap bootstrap =
                new ClusterBootstrap(
                        cells,
                        includedIndex,
                        options.bootstrapResamples(),
                        options.seed(),
                        options.confidence());
        List<GroupReport> groups = new ArrayList<>();
        groups.add(
                new GroupAnalyser(
                                models,
                                models.size(),
                                included,
                                cells,
                                bootstrap,
                                options.confidence())
                        .analyse("overall", null, null));
        for (int g = 0; g < models.size(); g++) {
            ColumnStore s = models.get(g);
            groups.add(
                    new GroupAnalyser(
                                    List.of(s), g, included, cells, bootstrap, options.confidence())
                            .analyse("model", s.modelId, s.space));
        }
        long analysed = 0;
        for (ColumnStore s : models) {
            for (int r = 0; r < s.size; r++) {
                analysed += included[s.participant[r]] ? 1 : 0;
            }
        }
        Exclusion exclusion =
                new Exclusion(
                        "exclude a participant who failed more than "
                                + options.maxFailedCatchTrials()
                                + " catch trial(s)",
                        options.maxFailedCatchTrials(),
                        participants,
                        participants - includedCount,
                        includedCount,
                        responses,
                        catchTrials,
                        analysed);
        return new AnalysisReport(
                AnalysisReport.SCHEMA,
                METHODS,
                options.bootstrapResamples(),
                options.seed(),
                options.confidence(),
                exclusion,
                headline
                        ? HeadlineAnalyser.analyse(trials(models, included), options.confidence())
                        : null,
                groups,
                null);
    }

    private static HeadlineTrials trials(List<ColumnStore> models, boolean[] included) {
        HeadlineTrials trials = new HeadlineTrials();
        double[] values = new double[Measure.values().length];
        for (ColumnStore s : models) {
            for (int r = 0; r < s.size; r++) {
                if (!included[s.participant[r]]) {
                    continue;
                }
                for (int m = 0; m < values.length; m++) {
                    values[m] = s.measures[m][r];
                }
                trials.add(
                        s.participant[r],
                        new HeadlineTrials.AxisKey(
                                s.modelId,
                                s.space,
                                AxisClass.values()[s.axisClass[r]],
                                s.rank[r],
                                s.eigenvalue[r]),
                        values);
            }
        }
        return trials;
    }
}
