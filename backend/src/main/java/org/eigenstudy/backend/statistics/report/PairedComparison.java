package org.eigenstudy.backend.statistics.report;

import org.eigenstudy.backend.statistics.inference.TestResult;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * Participant-level comparison: each participant who answered in both classes contributes the
 * difference of their two class means, so clustering cannot inflate the evidence.
 */
public record PairedComparison(
        AxisClass a, AxisClass b, long participants, TestResult pairedT, TestResult signedRank) {}
