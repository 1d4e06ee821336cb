package org.eigenstudy.studyconfig.model;

/**
 * How many axes of each class to render: the {@code top} eigenvectors, {@code orthogonal} random
 * unit vectors orthogonal to the top {@code orthogonalExcludeTop} eigenvectors, the {@code bottom}
 * eigenvectors, and the leading directions of each other method ({@code ganspace}, {@code sefa},
 * {@code random}, {@code imported}; 0 = the method is not used).
 */
public record AxesSpec(
        int top,
        int orthogonal,
        int orthogonalExcludeTop,
        int bottom,
        int ganspace,
        int sefa,
        int random,
        int imported) {

    public static final AxesSpec DEFAULT = new AxesSpec(10, 10, 15, 10);

    /** The metric's axes only (every other method at 0), as studies before methods wrote them. */
    public AxesSpec(int top, int orthogonal, int orthogonalExcludeTop, int bottom) {
        this(top, orthogonal, orthogonalExcludeTop, bottom, 0, 0, 0, 0);
    }

    /** The number of axes of one class. */
    public int count(AxisClass axisClass) {
        return switch (axisClass) {
            case TOP -> top;
            case ORTHOGONAL -> orthogonal;
            case BOTTOM -> bottom;
            case GANSPACE -> ganspace;
            case SEFA -> sefa;
            case RANDOM -> random;
            case IMPORTED -> imported;
        };
    }
}
