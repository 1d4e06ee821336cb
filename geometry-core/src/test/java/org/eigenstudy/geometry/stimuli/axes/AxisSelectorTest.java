package org.eigenstudy.geometry.stimuli.axes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.studyconfig.model.AxesSpec;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;

/**
 * Axes of a matrix built with known eigenvectors: H = Q diag(λ) Qᵀ for a random orthogonal Q and
 * distinct λ, so the expected top and bottom axes are Q's columns, independently of the code under
 * test.
 */
class AxisSelectorTest {
    private static final int N = 40;
    private static final AxesSpec SPEC = new AxesSpec(5, 8, 12, 6);

    private final DMatrixRMaj q = randomOrthogonal(N, new Random(7));
    private final double[] lambda = new double[N];
    private final DMatrixRMaj h;

    AxisSelectorTest() {
        for (int i = 0; i < N; i++) {
            lambda[i] = Math.pow(10, -6.0 * i / N);
        }
        DMatrixRMaj qd = new DMatrixRMaj(N, N);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                qd.set(i, j, q.get(i, j) * lambda[j]);
            }
        }
        h = new DMatrixRMaj(N, N);
        CommonOps_DDRM.multTransB(qd, q, h);
    }

    private List<Axis> axes() {
        return AxisSelector.select(h, Eigen.of(h), SPEC, 3);
    }

    @Test
    void topAxesAreTheLeadingEigenvectorsInOrder() {
        List<Axis> top = ofClass(AxisClass.TOP);
        assertEquals(5, top.size());
        for (int r = 0; r < top.size(); r++) {
            assertEquals(r + 1, top.get(r).rank());
            assertEquals(1.0, Math.abs(dot(top.get(r).vector(), column(r))), 1e-9);
            assertEquals(lambda[r], top.get(r).eigenvalue(), 1e-12);
            assertEquals(lambda[r], top.get(r).alpha(), 1e-12);
        }
    }

    @Test
    void bottomAxesAreTheLastEigenvectorsSmallestFirst() {
        List<Axis> bottom = ofClass(AxisClass.BOTTOM);
        assertEquals(6, bottom.size());
        for (int r = 0; r < bottom.size(); r++) {
            int last = N - 1 - r;
            assertEquals(r + 1, bottom.get(r).rank());
            assertEquals(1.0, Math.abs(dot(bottom.get(r).vector(), column(last))), 1e-6);
            assertEquals(lambda[last], bottom.get(r).eigenvalue(), 1e-12);
        }
    }

    @Test
    void orthogonalAxesAreUnitAndOrthogonalToTheTopM() {
        List<Axis> orthogonal = ofClass(AxisClass.ORTHOGONAL);
        assertEquals(8, orthogonal.size());
        for (int a = 0; a < orthogonal.size(); a++) {
            double[] v = orthogonal.get(a).vector();
            assertNull(orthogonal.get(a).eigenvalue());
            assertEquals(1.0, Math.sqrt(dot(v, v)), 1e-6);
            for (int j = 0; j < SPEC.orthogonalExcludeTop(); j++) {
                assertEquals(0.0, dot(v, column(j)), 1e-6, "axis " + a + " vs eigenvector " + j);
            }
            for (int b = 0; b < a; b++) {
                assertEquals(0.0, dot(v, orthogonal.get(b).vector()), 1e-6);
            }
            double expectedAlpha = 0;
            for (int j = 0; j < N; j++) {
                double c = dot(v, column(j));
                expectedAlpha += c * c * lambda[j];
            }
            assertEquals(expectedAlpha, orthogonal.get(a).alpha(), 1e-12);
        }
    }

    @Test
    void theSameSeedGivesTheSameOrthogonalAxesAndAnotherSeedOthers() {
        Axis first = ofClass(AxisClass.ORTHOGONAL).get(0);
        Axis again = AxisSelector.select(h, Eigen.of(h), SPEC, 3).get(5);
        Axis other = AxisSelector.select(h, Eigen.of(h), SPEC, 4).get(5);
        assertArrayEquals(first.vector(), again.vector(), 0.0);
        assertTrue(distance(first.vector(), other.vector()) > 0.1);
    }

    private List<Axis> ofClass(AxisClass c) {
        return axes().stream().filter(a -> a.axisClass() == c).toList();
    }

    private double[] column(int j) {
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = q.get(i, j);
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    private static DMatrixRMaj randomOrthogonal(int n, Random random) {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = random.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        qr.decompose(a);
        return qr.getQ(null, false);
    }
}
