package org.eigenstudy.backend.statistics;

import static org.eigenstudy.backend.statistics.RReference.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.report.GroupReport;
import org.eigenstudy.backend.statistics.report.MeanComparison;
import org.eigenstudy.backend.statistics.report.PairedComparison;
import org.eigenstudy.backend.statistics.report.RankCorrelation;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline (exclusion, grouping, pairing, Holm families) on the synthetic study of
 * reference.R, against R 4.2.2: {@code t.test(var.equal = TRUE / FALSE)}, {@code p.adjust(method =
 * "holm")}, {@code wilcox.test}, {@code fisher.test}, {@code chisq.test(correct = FALSE)}, {@code
 * cor.test(method = "spearman", exact = FALSE)} and paired {@code t.test} / {@code wilcox.test} on
 * per-participant class means.
 */
class StudyAnalysisRTest {

    private static final RReference R = new RReference();
    private static final int TOP_BOTTOM = 1;

    private final AnalysisReport report =
            StudyAnalysis.analyse(StudyRows.load().stream(), AnalysisOptions.defaults());

    @Test
    void excludesParticipantsWhoFailedACatchTrial() {
        assertEquals(
                (long) R.value("study", "participants_excluded"),
                report.exclusion().participantsExcluded());
        assertEquals(60, report.exclusion().participantsTotal());
        assertEquals(60, report.exclusion().catchTrials());
        assertEquals(56L * 2 * 3 * 4, report.exclusion().responsesAnalysed());
        AnalysisReport lenient =
                StudyAnalysis.analyse(
                        StudyRows.load().stream(),
                        AnalysisOptions.defaults().withMaxFailedCatchTrials(1));
        assertEquals(0, lenient.exclusion().participantsExcluded());
    }

    @Test
    void trialLevelComparisonsMatchR() {
        GroupReport overall = report.overall();
        var top = overall.classes().get(0).measures().get("magnitude");
        assertRelative(R.value("study", "magnitude.top.mean"), top.mean(), "mean");
        assertRelative(R.value("study", "magnitude.top.sd"), top.sd(), "sd");
        MeanComparison magnitude = overall.measureComparisons().get("magnitude").get(TOP_BOTTOM);
        assertEquals(AxisClass.TOP, magnitude.a());
        assertEquals(AxisClass.BOTTOM, magnitude.b());
        assertRelative(
                R.value("study", "magnitude.welch.top_bottom.p"), magnitude.welch().p(), "Welch");
        assertRelative(
                R.value("study", "magnitude.student.top_bottom.p"),
                magnitude.student().p(),
                "Student");
        double[] holm = R.values("study", "consistency.welch.holm");
        List<MeanComparison> consistency = overall.measureComparisons().get("consistency");
        for (int k = 0; k < 3; k++) {
            assertRelative(holm[k], consistency.get(k).welch().pHolm(), "Holm " + k);
        }
        assertRelative(
                R.value("study", "difficulty.wilcox.top_bottom.p"),
                overall.measureComparisons().get("difficulty").get(TOP_BOTTOM).mannWhitney().p(),
                "Mann-Whitney");
        var seen = overall.seenChangeComparisons().get(TOP_BOTTOM);
        assertRelative(R.value("study", "seen.fisher.top_bottom.p"), seen.fisher().p(), "Fisher");
        assertRelative(R.value("study", "seen.chisq.top_bottom.p"), seen.chiSquare().p(), "chi2");
    }

    @Test
    void rankCorrelationsPerModelMatchR() {
        GroupReport alpha = report.groups().get(1);
        assertEquals("alpha", alpha.modelId());
        RankCorrelation magnitudeRank = alpha.rankCorrelations().get(0);
        assertEquals("magnitude", magnitudeRank.response());
        assertEquals("rank", magnitudeRank.predictor());
        assertRelative(
                R.value("study", "alpha.magnitude_rank.rho"),
                magnitudeRank.spearman().estimate(),
                "rho");
        assertRelative(
                R.value("study", "alpha.magnitude_rank.p"), magnitudeRank.spearman().p(), "p");
        RankCorrelation seenLog = alpha.rankCorrelations().get(3);
        assertEquals("log_eigenvalue", seenLog.predictor());
        assertRelative(R.value("study", "alpha.seen_logeig.p"), seenLog.spearman().p(), "seen p");
    }

    @Test
    void participantLevelPairedComparisonMatchesR() {
        PairedComparison paired =
                report.overall().pairedComparisons().get("consistency").get(TOP_BOTTOM);
        assertEquals(
                (long) R.value("study", "consistency.paired.top_bottom.n"), paired.participants());
        assertRelative(
                R.value("study", "consistency.paired.top_bottom.p"), paired.pairedT().p(), "t");
        assertRelative(
                R.value("study", "consistency.signrank.top_bottom.p"),
                paired.signedRank().p(),
                "V");
    }

    @Test
    void bootstrapIsSeededAndBracketsTheEstimate() throws Exception {
        AnalysisReport again =
                StudyAnalysis.analyse(StudyRows.load().stream(), AnalysisOptions.defaults());
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.writeValueAsString(report), json.writeValueAsString(again));
        var boot = report.overall().classes().get(0).measures().get("magnitude").bootstrapMean();
        assertTrue(boot.computable());
        assertTrue(boot.low() < boot.value() && boot.value() < boot.high());
        String text = json.writeValueAsString(report);
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
    }
}
