package org.eigenstudy.geometry.bench;

/**
 * One benchmarked method: mean seconds per Hessian over the points, peak RSS during it, its
 * relative Frobenius error against {@code exact} (NaN where not comparable).
 */
public record Measurement(
        String method, double secondsPerHessian, long peakBytes, double errorVsExact, String note) {

    public Measurement withNote(String text) {
        return new Measurement(method, secondsPerHessian, peakBytes, errorVsExact, text);
    }
}
