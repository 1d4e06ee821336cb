package org.eigenstudy.backend.statistics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The analysis of one group of trials: the whole study ({@code scope = "overall"}) or one model's
 * latent space ({@code scope = "model"}). Comparison maps are keyed by {@code Measure.key()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupReport(
        String scope,
        String modelId,
        String space,
        long participants,
        List<ClassReport> classes,
        List<ProportionComparison> seenChangeComparisons,
        Map<String, List<MeanComparison>> measureComparisons,
        Map<String, List<PairedComparison>> pairedComparisons,
        List<RankCorrelation> rankCorrelations,
        List<RankPoint> byRank) {

    public String label() {
        return modelId == null ? "all models" : modelId + " / " + space;
    }
}
