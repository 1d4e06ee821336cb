package org.eigenstudy.backend.progress.service;

import java.util.List;

/**
 * Live counts of a study: sessions by state, responses, and fill per condition cell, pilot sessions
 * left out of all of them and counted in {@code pilot}.
 */
public record Progress(
        long started,
        long consented,
        long completed,
        long abandoned,
        long inProgress,
        long responses,
        long catchFailed,
        long pilot,
        List<Condition> conditions) {

    /** One condition cell: assigned counts unfinished sessions still within their timeout. */
    public record Condition(
            String modelId,
            String axisClass,
            String axisId,
            int rank,
            long assigned,
            long responses) {}
}
