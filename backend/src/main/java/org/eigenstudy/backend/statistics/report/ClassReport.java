package org.eigenstudy.backend.statistics.report;

import java.util.Map;
import org.eigenstudy.studyconfig.model.AxisClass;

/** Everything about one axis class within a group. Measures keyed by {@code Measure.key()}. */
public record ClassReport(
        AxisClass axisClass,
        long trials,
        long participants,
        ProportionSummary seenChange,
        Map<String, MeasureSummary> measures) {}
