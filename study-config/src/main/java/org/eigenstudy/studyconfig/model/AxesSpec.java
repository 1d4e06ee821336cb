package org.eigenstudy.studyconfig.model;

/**
 * How many axes of each class to render: the {@code top} eigenvectors, {@code orthogonal} random
 * unit vectors orthogonal to the top {@code orthogonalExcludeTop} eigenvectors, and the {@code
 * bottom} eigenvectors.
 */
public record AxesSpec(int top, int orthogonal, int orthogonalExcludeTop, int bottom) {

    public static final AxesSpec DEFAULT = new AxesSpec(10, 10, 15, 10);

    /** The number of axes of one class. */
    public int count(AxisClass axisClass) {
        return switch (axisClass) {
            case TOP -> top;
            case ORTHOGONAL -> orthogonal;
            case BOTTOM -> bottom;
        };
    }
}
