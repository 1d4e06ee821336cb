package org.eigenstudy.backend.statistics.report;

/** How the catch-trial rule filtered participants and which responses were analysed. */
public record Exclusion(
        String rule,
        int maxFailedCatchTrials,
        long participantsTotal,
        long participantsExcluded,
        long participantsIncluded,
        long responsesTotal,
        long catchTrials,
        long responsesAnalysed) {}
