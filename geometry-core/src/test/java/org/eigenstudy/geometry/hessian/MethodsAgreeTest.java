package org.eigenstudy.geometry.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eigenstudy.geometry.Fixtures;
import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.distance.PixelMse;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.ModelCard;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** fd-jacobian and Lanczos against the float64 autograd reference and against exact. */
class MethodsAgreeTest {

    @ParameterizedTest
    @ValueSource(strings = {"conv16", "conv32"})
    void threeMethodsAgree(String model) {
        NpyArray reference = Npy.read(Fixtures.dir(model).resolve("hessian_mse.npy"));
        NpyArray codes = Npy.read(Fixtures.dir(model).resolve("z0.npy"));
        try (Generator g =
                Generator.open(ModelCard.read(Fixtures.card(model)), "z", DeviceChoice.CPU)) {
            ImageMetric metric = new ImageMetric(g, new PixelMse());
            int n = g.dim();
            for (int p = 0; p < codes.shape()[0]; p++) {
                float[] z0 = codes.floatRow(p);
                DMatrixRMaj expected = new DMatrixRMaj(reference.matrix(p));
                DMatrixRMaj exact = new ExactHessian(metric, n).hessian(z0);
                // Documented accuracy of the default ε = 1e-3 on these float32 generators: < 1e-3.
                DMatrixRMaj fd =
                        new FdJacobianHessian(metric, FdJacobianHessian.DEFAULT_EPSILON, 13)
                                .hessian(z0);
                assertTrue(Fixtures.relativeError(fd, expected) < 1e-3, "fd vs reference " + p);
                assertTrue(Fixtures.relativeError(fd, exact) < 1e-3, "fd vs exact " + p);

                Eigen full = Eigen.of(exact);
                int k = 5;
                Eigen top = new LanczosEigensolver(metric, k, n, HvpMode.BACKWARD, 0, 11).topK(z0);
                Eigen fewSteps =
                        new LanczosEigensolver(
                                        metric,
                                        k,
                                        LanczosEigensolver.defaultSteps(n, k),
                                        HvpMode.BACKWARD,
                                        0,
                                        11)
                                .topK(z0);
                Eigen forward =
                        new LanczosEigensolver(metric, k, n, HvpMode.FORWARD, 1e-3, 11).topK(z0);
                for (int j = 0; j < k; j++) {
                    double lambda = full.values()[j];
                    assertEquals(lambda, top.values()[j], 1e-4 * lambda, "lanczos " + j);
                    assertEquals(lambda, fewSteps.values()[j], 1e-4 * lambda, "lanczos steps " + j);
                    assertEquals(lambda, forward.values()[j], 1e-3 * lambda, "forward hvp " + j);
                    double cos = 0;
                    for (int i = 0; i < n; i++) {
                        cos += full.vectors().get(i, j) * top.vectors().get(i, j);
                    }
                    assertEquals(1, Math.abs(cos), 1e-3, "eigenvector " + j);
                }
            }
        }
    }
}
