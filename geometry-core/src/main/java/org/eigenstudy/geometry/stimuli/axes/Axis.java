package org.eigenstudy.geometry.stimuli.axes;

import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * One stimulus direction: its class, 1-based rank (for bottom axes 1 = smallest eigenvalue; for
 * another method, its order), the name its method gives it (an imported vector's label; null
 * otherwise), the eigenvalue of the average metric (null unless top or bottom), α(v) = vᵀHv/vᵀv,
 * and the unit vector.
 */
public record Axis(
        AxisClass axisClass,
        int rank,
        String label,
        Double eigenvalue,
        double alpha,
        double[] vector) {

    /** An axis without a label. */
    public Axis(AxisClass axisClass, int rank, Double eigenvalue, double alpha, double[] vector) {
        this(axisClass, rank, null, eigenvalue, alpha, vector);
    }
}
