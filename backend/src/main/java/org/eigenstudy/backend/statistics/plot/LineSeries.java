package org.eigenstudy.backend.statistics.plot;

/**
 * One line of a {@link LineChart}: points (x, y) joined in x order, each with a ± error whisker.
 *
 * @param error half-length of each point's whisker; 0 for none
 */
public record LineSeries(String label, double[] x, double[] y, double[] error) {

    public LineSeries {
        if (x.length != y.length || y.length != error.length) {
            throw new IllegalArgumentException("x, y and error must have the same length");
        }
        x = x.clone();
        y = y.clone();
        error = error.clone();
    }
}
