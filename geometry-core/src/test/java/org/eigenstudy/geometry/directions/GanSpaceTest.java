package org.eigenstudy.geometry.directions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * GANSpace's components equal the right singular vectors of the centred sample matrix, their scores
 * its squared singular values over n − 1; the regression back to z satisfies the normal equations,
 * and with the codes themselves as features gives back the components of z.
 */
class GanSpaceTest {

    private static double[][] anisotropic(int n, int d, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
            for (int i = 0; i < d; i++) {
                row[i] = random.nextGaussian() * (d - i) + 0.3 * i;
            }
        }
        return rows;
    }

    @Test
    void componentsAreTheSvdOfTheCentredSamples() {
        double[][] samples = anisotropic(300, 6, 3);
        DirectionSet pca = GanSpace.principal(samples, 4, Map.of("seed", 3L));
        DMatrixRMaj c = GanSpace.centred(samples);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(c.numRows, c.numCols, false, true, false);
        svd.decompose(c.copy());
        double[] sigma = svd.getSingularValues();
        DMatrixRMaj v = svd.getV(null, false);
        Integer[] order = {0, 1, 2, 3, 4, 5};
        java.util.Arrays.sort(order, (x, y) -> Double.compare(sigma[y], sigma[x]));
        for (int j = 0; j < 4; j++) {
            double dot = 0;
            for (int i = 0; i < 6; i++) {
                dot += pca.directions().get(j).vector()[i] * v.get(i, order[j]);
            }
            assertEquals(1.0, Math.abs(dot), 1e-10);
            assertEquals(
                    sigma[order[j]] * sigma[order[j]] / 299,
                    pca.directions().get(j).score(),
                    1e-9 * pca.directions().get(0).score());
        }
        assertEquals(300, pca.provenance().get("samples"));
        assertEquals(3L, pca.provenance().get("seed"));
    }

    @Test
    void regressionBackToTheCodeSolvesTheNormalEquations() {
        int n = 400;
        double[][] z = anisotropic(n, 5, 11);
        Random random = new Random(5);
        // Features: a nonlinear function of z, wider than z.
        double[][] features = new double[n][8];
        double[][] m = new double[5][8];
        for (double[] row : m) {
            for (int i = 0; i < 8; i++) {
                row[i] = random.nextGaussian();
            }
        }
        for (int k = 0; k < n; k++) {
            for (int f = 0; f < 8; f++) {
                double s = 0;
                for (int i = 0; i < 5; i++) {
                    s += z[k][i] * m[i][f];
                }
                features[k][f] = Math.tanh(s / 4);
            }
        }
        DirectionSet regressed = GanSpace.regressed(z, features, 3, Map.of());
        assertEquals(3, regressed.directions().size());
        for (Direction d : regressed.directions()) {
            assertEquals(1.0, UnitVectors.norm(d.vector()), 1e-12);
        }

        // With the codes themselves as the features, the regression returns z's own components.
        DirectionSet self = GanSpace.regressed(z, z, 3, Map.of());
        DirectionSet direct = GanSpace.principal(z, 3, Map.of());
        for (int j = 0; j < 3; j++) {
            double dot = 0;
            for (int i = 0; i < 5; i++) {
                dot +=
                        self.directions().get(j).vector()[i]
                                * direct.directions().get(j).vector()[i];
            }
            assertEquals(1.0, Math.abs(dot), 1e-10, "component " + (j + 1));
        }
    }

    @Test
    void residualIsOrthogonalToTheCoordinates() {
        // The defining property of least squares, checked on the unnormalised fit: X^T (Zc - X B) =
        // 0.
        int n = 200;
        double[][] z = anisotropic(n, 4, 2);
        double[][] features = anisotropic(n, 6, 9);
        DMatrixRMaj x = GanSpace.centred(features);
        DMatrixRMaj zc = GanSpace.centred(z);
        DMatrixRMaj b = new DMatrixRMaj(6, 4);
        org.ejml.interfaces.linsol.LinearSolverDense<DMatrixRMaj> solver =
                org.ejml.dense.row.factory.LinearSolverFactory_DDRM.leastSquares(n, 6);
        solver.setA(x.copy());
        solver.solve(zc, b);
        DMatrixRMaj residual = zc.copy();
        DMatrixRMaj xb = new DMatrixRMaj(n, 4);
        CommonOps_DDRM.mult(x, b, xb);
        CommonOps_DDRM.subtractEquals(residual, xb);
        DMatrixRMaj xtr = new DMatrixRMaj(6, 4);
        CommonOps_DDRM.multTransA(x, residual, xtr);
        assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(xtr), 1e-9);
    }
}
