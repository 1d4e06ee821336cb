package org.eigenstudy.backend.statistics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eigenstudy.backend.statistics.headline.Headline;

/**
 * The statistics of one study. {@code methods} states, in words, every choice a reader needs
 * (primary test, multiple-comparison families, bootstrap, approximations). {@code headline} holds
 * the inference (mixed models with participants and axes as random effects); {@code groups} the
 * descriptive trial-level tables and tests. The headline is null only for a descriptive-only
 * analysis (the 1M-response benchmark). {@code power} (the last sample-size simulation run for the
 * study) is not computed from the responses: the service adds it to a cached report ({@link
 * #withPower}), and it is null (absent from the JSON) where no study store is involved.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalysisReport(
        String schema,
        List<String> methods,
        int bootstrapResamples,
        long bootstrapSeed,
        double confidence,
        Exclusion exclusion,
        Headline headline,
        List<GroupReport> groups,
        PowerSection power) {

    public static final String SCHEMA = "eigenstudy-statistics/2";

    /** This report with {@code power} as its sample-size planning section. */
    public AnalysisReport withPower(PowerSection power) {
        return new AnalysisReport(
                schema,
                methods,
                bootstrapResamples,
                bootstrapSeed,
                confidence,
                exclusion,
                headline,
                groups,
                power);
    }

    public GroupReport overall() {
        return groups.get(0);
    }
}
