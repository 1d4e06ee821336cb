package org.eigenstudy.backend.statistics.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Mean, SD and SEM of one measure in one axis class, with the participant-clustered bootstrap
 * interval of the mean. Not computable (with the mean still given when n = 1) for n < 2.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasureSummary(
        long n,
        boolean computable,
        String reason,
        Double mean,
        Double sd,
        Double sem,
        Estimate bootstrapMean) {}
