package org.eigenstudy.geometry.hessian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eigenstudy.geometry.Fixtures;
import org.eigenstudy.geometry.distance.FeatureMap;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.distance.PixelMse;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.ModelCard;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactHessianTest {

    /** G(z) = Az, MSE as a mean over N = 64 pixels: H = 2AᵀA/N, independent of z0. */
    @Test
    void linearGeneratorGivesTwoAtAOverN() {
        NpyArray a = Npy.read(Fixtures.dir("linear12").resolve("A.npy"));
        DMatrixRMaj matA = new DMatrixRMaj(a.matrix(0));
        int pixels = matA.numRows;
        DMatrixRMaj expected = new DMatrixRMaj(12, 12);
        CommonOps_DDRM.multTransA(matA, matA, expected);
        CommonOps_DDRM.scale(2.0 / pixels, expected);
        ModelCard card = ModelCard.read(Fixtures.card("linear12"));
        try (Generator g = Generator.open(card, "z", DeviceChoice.CPU)) {
            ImageMetric metric = new ImageMetric(g, new PixelMse());
            float[] z0 = Npy.read(Fixtures.dir("linear12").resolve("z0.npy")).floatRow(0);
            for (int chunk : new int[] {12, 5}) {
                DMatrixRMaj h = new ExactHessian(metric, chunk).hessian(z0);
                assertTrue(Fixtures.relativeError(h, expected) < 1e-6, "chunk " + chunk);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"conv16,mse", "conv32,mse", "conv16,equalized", "conv16,tinyfeat"})
    void matchesFloat64AutogradReference(String model, String distance) {
        NpyArray reference = Npy.read(Fixtures.dir(model).resolve("hessian_" + distance + ".npy"));
        NpyArray codes = Npy.read(Fixtures.dir(model).resolve("z0.npy"));
        ModelCard card = ModelCard.read(Fixtures.card(model));
        try (Generator g = Generator.open(card, "z", DeviceChoice.CPU);
                FeatureMap phi = Fixtures.featureMap(distance, card)) {
            ImageMetric metric = new ImageMetric(g, phi);
            for (int p = 0; p < codes.shape()[0]; p++) {
                DMatrixRMaj expected = new DMatrixRMaj(reference.matrix(p));
                DMatrixRMaj exact = new ExactHessian(metric, 7).hessian(codes.floatRow(p));
                assertTrue(Fixtures.relativeError(exact, expected) < 1e-5, "exact, point " + p);
                DMatrixRMaj serial = new SerialHessian(metric).hessian(codes.floatRow(p));
                assertEquals(0, Fixtures.relativeError(serial, expected), 1e-5, "serial " + p);
            }
        }
    }

    /**
     * The PGGAN export has a jvp method, so its exact Hessian takes forward-mode columns: they
     * equal reverse mode's (the double-VJP trick through the whole of φ∘G) column by column, also
     * for a chunk that does not divide n, and the Hessian equals the serial baseline's, for a
     * linear φ and a nonlinear one (whose Jacobian forward mode still gets by the double-VJP trick
     * on φ).
     */
    @ParameterizedTest
    @CsvSource({
        "pggan-narrow,z,mse",
        "pggan-narrow,z,tinyfeat",
        "biggan-deep-narrow,full,mse",
        "biggan-deep-narrow,class,mse"
    })
    void forwardModeColumnsEqualReverseMode(String model, String space, String distance)
            throws Exception {
        java.nio.file.Path dir =
                java.nio.file.Path.of(getClass().getResource("/exports/" + model).toURI());
        ModelCard card = ModelCard.read(dir.resolve("model-card.json"));
        assertTrue(card.space(space).jvp(), "the card declares the module's jvp method");
        float[] z0 = Npy.read(dir.resolve("inputs_" + space + ".npy")).floatRow(1);
        int n = z0.length;
        try (Generator g = Generator.open(card, space, DeviceChoice.CPU);
                FeatureMap phi = Fixtures.featureMap(distance, card);
                ai.djl.ndarray.NDManager m = g.newManager()) {
            ImageMetric metric = new ImageMetric(g, phi);
            // One gradient scope at a time (DJL allows one collector): reverse first, then forward.
            java.util.List<float[]> expected = new java.util.ArrayList<>();
            try (JacobianColumns reverse = new ReverseColumns(metric, m, z0, 5)) {
                for (int start = 0; start < n; start += 5) {
                    expected.add(reverse.columns(m, start, Math.min(5, n - start)).toFloatArray());
                }
            }
            try (JacobianColumns forward = JacobianColumns.open(metric, m, z0, 5)) {
                assertTrue(forward instanceof ForwardColumns);
                for (int start = 0; start < n; start += 5) {
                    float[] actual =
                            forward.columns(m, start, Math.min(5, n - start)).toFloatArray();
                    assertTrue(
                            relativeDifference(actual, expected.get(start / 5)) < 1e-5,
                            "columns from " + start);
                }
            }
            DMatrixRMaj exact = new ExactHessian(metric, 5).hessian(z0);
            DMatrixRMaj serial = new SerialHessian(metric).hessian(z0);
            assertEquals(0, Fixtures.relativeError(exact, serial), 1e-5);
        }
    }

    private static double relativeDifference(float[] actual, float[] expected) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += Math.pow(actual[i] - expected[i], 2);
            norm += Math.pow(expected[i], 2);
        }
        return Math.sqrt(diff / norm);
    }

    /**
     * Retained graphs are reused, never grown: a product or column computed after all the others
     * equals the first one bit for bit. (Accumulating into z's gradient, as DJL's backward does, or
     * recording a new graph per pass, would make the later result depend on what came before.)
     */
    @Test
    void retainedGraphsGiveTheSameResultFirstAndLast() {
        ModelCard card = ModelCard.read(Fixtures.card("conv16"));
        float[] z0 = Npy.read(Fixtures.dir("conv16").resolve("z0.npy")).floatRow(0);
        int n = z0.length;
        try (Generator g = Generator.open(card, "z", DeviceChoice.CPU);
                ai.djl.ndarray.NDManager m = g.newManager()) {
            ImageMetric metric = new ImageMetric(g, new PixelMse());
            try (HvpGraph graph = new HvpGraph(metric, m, new float[][] {z0})) {
                float[][] first = {basis(n, 3)};
                double[] before = graph.apply(first)[0];
                for (int i = 0; i < n; i++) {
                    graph.apply(new float[][] {basis(n, i)});
                }
                assertArrayEquals(before, graph.apply(first)[0], "HVP after n others");
            }
            try (JacobianColumns columns = JacobianColumns.open(metric, m, z0, 4)) {
                float[] before = columns.columns(m, 0, 4).toFloatArray();
                for (int start = 4; start < n; start += 4) {
                    columns.columns(m, start, Math.min(4, n - start));
                }
                assertArrayEquals(before, columns.columns(m, 0, 4).toFloatArray(), "columns");
            }
        }
    }

    private static float[] basis(int n, int i) {
        float[] e = new float[n];
        e[i] = 1f;
        return e;
    }
}
