package org.eigenstudy.backend.statistics.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Fraction of trials in which a change was seen, Wilson interval and clustered bootstrap. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProportionSummary(
        long seen,
        long trials,
        boolean computable,
        String reason,
        Double fraction,
        Double wilsonLow,
        Double wilsonHigh,
        Estimate bootstrapFraction) {}
