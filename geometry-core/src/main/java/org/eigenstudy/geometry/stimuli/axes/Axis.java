package org.eigenstudy.geometry.stimuli.axes;

import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * One stimulus direction: its class, 1-based rank (for bottom axes 1 = smallest eigenvalue), the
 * eigenvalue of the average metric (null for orthogonal axes), α(v) = vᵀHv/vᵀv, and the unit
 * vector.
 */
public record Axis(
        AxisClass axisClass, int rank, Double eigenvalue, double alpha, double[] vector) {}
