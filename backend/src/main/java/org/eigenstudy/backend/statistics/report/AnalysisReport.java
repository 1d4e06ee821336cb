package org.eigenstudy.backend.statistics.report;

import java.util.List;

/**
 * The statistics of one study. {@code methods} states, in words, every choice a reader needs
 * (primary test, multiple-comparison families, bootstrap, approximations).
 */
public record AnalysisReport(
        String schema,
        List<String> methods,
        int bootstrapResamples,
        long bootstrapSeed,
        double confidence,
        Exclusion exclusion,
        List<GroupReport> groups) {

    public static final String SCHEMA = "eigenstudy-statistics/1";

    public GroupReport overall() {
        return groups.get(0);
    }
}
