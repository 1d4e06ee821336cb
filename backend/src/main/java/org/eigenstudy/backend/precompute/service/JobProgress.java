package org.eigenstudy.backend.precompute.service;

/**
 * How far a running job is, as geometry-core's {@code --status} file says: units done of total
 * (Hessian points, strips, sheets), seconds so far and left (null: not yet known; a lower bound
 * while a kind of unit is not yet measured) and the unit last finished.
 */
public record JobProgress(
        long done,
        long total,
        double elapsedSeconds,
        Long etaSeconds,
        boolean etaLowerBound,
        String what) {}
