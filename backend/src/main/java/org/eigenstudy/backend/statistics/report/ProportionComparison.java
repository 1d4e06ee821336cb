package org.eigenstudy.backend.statistics.report;

import org.eigenstudy.backend.statistics.inference.TestResult;
import org.eigenstudy.studyconfig.model.AxisClass;

/** Seen-change fractions of class a vs class b (difference = a - b). */
public record ProportionComparison(
        AxisClass a,
        AxisClass b,
        Estimate difference,
        TestResult chiSquare,
        TestResult chiSquareYates,
        TestResult fisher) {}
