package org.eigenstudy.backend.statistics.report;

import org.eigenstudy.backend.statistics.inference.TestResult;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * Trial-level comparison of one measure between classes a and b (difference = mean a - mean b, with
 * the participant-clustered bootstrap interval). Welch is the primary test.
 */
public record MeanComparison(
        AxisClass a,
        AxisClass b,
        Estimate difference,
        TestResult welch,
        TestResult student,
        TestResult mannWhitney,
        TestResult hedgesG) {}
