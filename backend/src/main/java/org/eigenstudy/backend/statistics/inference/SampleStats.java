package org.eigenstudy.backend.statistics.inference;

/**
 * Count, mean and unbiased variance of one sample: the sufficient statistics of the t-tests.
 * Computed in two passes for accuracy (one pass of sums loses digits when the mean is large).
 */
public record SampleStats(long n, double mean, double variance) {

    public static SampleStats of(double[] values, int length) {
        if (length == 0) {
            return new SampleStats(0, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += values[i];
        }
        double mean = sum / length;
        double squares = 0;
        double residual = 0;
        for (int i = 0; i < length; i++) {
            double d = values[i] - mean;
            squares += d * d;
            residual += d;
        }
        // Corrected two-pass formula: the residual sum removes the rounding error of the mean.
        double variance =
                length < 2 ? Double.NaN : (squares - residual * residual / length) / (length - 1);
        return new SampleStats(length, mean, Math.max(0.0, variance));
    }

    public static SampleStats of(double[] values) {
        return of(values, values.length);
    }

    public double sd() {
        return Math.sqrt(variance);
    }

    public double sem() {
        return Math.sqrt(variance / n);
    }
}
