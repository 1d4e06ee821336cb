package org.eigenstudy.backend.statistics.headline;

import java.util.List;

/**
 * The report's headline: the mixed models per measure, and the per-axis table.
 *
 * @param design the fixed and random effects, in words
 * @param measures seen change first, then magnitude, consistency, difficulty, shared count
 * @param axes one row per axis, in model, class and rank order
 */
public record Headline(String design, List<MeasureHeadline> measures, List<AxisRow> axes) {}
