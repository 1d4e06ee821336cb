package org.eigenstudy.geometry.stimuli.axes;

import java.util.ArrayList;
import java.util.List;
import org.eigenstudy.geometry.directions.Direction;
import org.eigenstudy.geometry.directions.DirectionSet;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.ejml.data.DMatrixRMaj;

/**
 * Another method's directions as stimulus axes of its own class: the first {@code count} in the
 * method's order (rank 1 = its first), no eigenvalue, and α = vᵀHv/vᵀv under the same average
 * metric as the orthogonal axes, so every class is measured on one scale. Only imported vectors
 * keep their label: the other methods' labels are their rank again.
 */
public final class MethodAxes {
    private MethodAxes() {}

    public static List<Axis> of(AxisClass axisClass, DirectionSet set, int count, DMatrixRMaj h) {
        if (axisClass.method().equals("hessian")) {
            throw new IllegalArgumentException(axisClass + " axes come from the metric itself");
        }
        if (count > set.directions().size()) {
            throw new IllegalArgumentException(
                    "asked for "
                            + count
                            + " "
                            + set.method()
                            + " directions, got "
                            + set.directions().size());
        }
        List<Axis> axes = new ArrayList<>(count);
        for (int r = 1; r <= count; r++) {
            Direction d = set.directions().get(r - 1);
            String label = axisClass == AxisClass.IMPORTED ? d.label() : null;
            axes.add(
                    new Axis(
                            axisClass,
                            r,
                            label,
                            null,
                            AxisSelector.alpha(h, d.vector()),
                            d.vector().clone()));
        }
        return axes;
    }
}
