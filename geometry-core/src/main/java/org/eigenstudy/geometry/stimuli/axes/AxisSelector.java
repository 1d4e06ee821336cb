package org.eigenstudy.geometry.stimuli.axes;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.geometry.stimuli.Seeds;
import org.eigenstudy.studyconfig.model.AxesSpec;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.ejml.data.DMatrixRMaj;

/**
 * The axes of a study from the average metric H and its eigenpairs (descending): the top K
 * eigenvectors; random unit vectors orthogonal to the top M eigenvectors (and to each other, so no
 * two orthogonal axes repeat a direction); and the bottom K eigenvectors, i.e. the last ones.
 */
public final class AxisSelector {
    private AxisSelector() {}

    public static List<Axis> select(DMatrixRMaj h, Eigen eigen, AxesSpec spec, long seed) {
        int n = eigen.dim();
        List<Axis> axes = new ArrayList<>();
        for (int r = 1; r <= spec.top(); r++) {
            axes.add(eigenAxis(h, eigen, AxisClass.TOP, r, r - 1));
        }
        axes.addAll(orthogonal(h, eigen, spec, seed));
        for (int r = 1; r <= spec.bottom(); r++) {
            axes.add(eigenAxis(h, eigen, AxisClass.BOTTOM, r, n - r));
        }
        return axes;
    }

    private static Axis eigenAxis(DMatrixRMaj h, Eigen eigen, AxisClass c, int rank, int index) {
        double[] v = eigen.vector(index);
        return new Axis(c, rank, eigen.values()[index], alpha(h, v), v);
    }

    private static List<Axis> orthogonal(DMatrixRMaj h, Eigen eigen, AxesSpec spec, long seed) {
        int n = eigen.dim();
        List<double[]> basis = new ArrayList<>();
        for (int j = 0; j < Math.min(spec.orthogonalExcludeTop(), n); j++) {
            basis.add(eigen.vector(j));
        }
        Random random = new Random(Seeds.derive(seed, "orthogonal", 0));
        List<Axis> axes = new ArrayList<>();
        for (int r = 1; r <= spec.orthogonal(); r++) {
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = random.nextGaussian();
            }
            double[] v = GramSchmidt.orthonormalise(g, basis);
            basis.add(v);
            axes.add(new Axis(AxisClass.ORTHOGONAL, r, null, alpha(h, v), v));
        }
        return axes;
    }

    /** α(v) = vᵀHv / vᵀv, the speed of image change along v. */
    public static double alpha(DMatrixRMaj h, double[] v) {
        int n = v.length;
        double num = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += h.get(i, j) * v[j];
            }
            num += v[i] * row;
        }
        return num / GramSchmidt.dot(v, v);
    }
}
