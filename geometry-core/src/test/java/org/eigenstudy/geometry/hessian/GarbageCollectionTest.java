package org.eigenstudy.geometry.hessian;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eigenstudy.geometry.Fixtures;
import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.geometry.distance.FeatureMap;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.distance.PixelMse;
import org.eigenstudy.geometry.distance.Resized;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.geometry.progress.ProgressListener;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A long Hessian run collects garbage between the passes through its retained graph. Every tensor
 * that graph saved must still hold its values then: DJL backs arrays made from Java data by a
 * direct buffer that the collector frees, and a saved tensor over a freed buffer silently changes
 * the Hessian (a 512-d StyleGAN2 metric came out with 506 zero columns). Here the collector runs
 * after every pass, as it may at any time in a long run.
 */
class GarbageCollectionTest {

    @ParameterizedTest
    @ValueSource(strings = {"mse", "equalized", "tinyfeat"})
    void hessiansSurviveCollectionBetweenPasses(String distance) {
        NpyArray reference =
                Npy.read(Fixtures.dir("conv16").resolve("hessian_" + distance + ".npy"));
        float[] z0 = Npy.read(Fixtures.dir("conv16").resolve("z0.npy")).floatRow(0);
        DMatrixRMaj expected = new DMatrixRMaj(reference.matrix(0));
        ModelCard card = ModelCard.read(Fixtures.card("conv16"));
        try (Generator g = Generator.open(card, "z", DeviceChoice.CPU);
                FeatureMap phi = Fixtures.featureMap(distance, card)) {
            ImageMetric metric = new ImageMetric(g, phi);
            DMatrixRMaj exact = new ExactHessian(metric, 1).hessian(z0, collecting());
            assertTrue(Fixtures.relativeError(exact, expected) < 1e-5, "exact " + distance);
            DMatrixRMaj serial = new SerialHessian(metric).hessian(z0, collecting());
            assertTrue(Fixtures.relativeError(serial, expected) < 1e-5, "serial " + distance);
            int k = 3;
            Eigen top =
                    new LanczosEigensolver(metric, k, z0.length, HvpMode.BACKWARD, 0, 11)
                            .topK(z0, collecting());
            Eigen full = Eigen.of(expected);
            for (int j = 0; j < k; j++) {
                double lambda = full.values()[j];
                assertTrue(
                        Math.abs(top.values()[j] - lambda) < 1e-4 * lambda,
                        "lanczos " + distance + " eigenvalue " + j);
            }
        }
    }

    /** Resizing multiplies by interpolation matrices made in Java: they are saved tensors too. */
    @Test
    void resizedMetricSurvivesCollection() {
        float[] z0 = Npy.read(Fixtures.dir("conv16").resolve("z0.npy")).floatRow(0);
        ModelCard card = ModelCard.read(Fixtures.card("conv16"));
        try (Generator g = Generator.open(card, "z", DeviceChoice.CPU)) {
            ImageMetric metric = new ImageMetric(g, new Resized(new PixelMse(), 11));
            // Finite differences record no graph, so collection cannot touch them.
            DMatrixRMaj expected =
                    new FdJacobianHessian(metric, FdJacobianHessian.DEFAULT_EPSILON, 13)
                            .hessian(z0);
            DMatrixRMaj exact = new ExactHessian(metric, 1).hessian(z0, collecting());
            assertTrue(Fixtures.relativeError(exact, expected) < 1e-3, "exact, resized");
        }
    }

    /**
     * Progress is reported between passes: collect there, and give the JDK's cleaner thread time to
     * free the buffers that became unreachable.
     */
    private static ProgressListener collecting() {
        return (done, total) -> {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
