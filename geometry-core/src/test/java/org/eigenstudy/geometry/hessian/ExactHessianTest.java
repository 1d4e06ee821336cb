package org.eigenstudy.geometry.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eigenstudy.geometry.Fixtures;
import org.eigenstudy.geometry.distance.Equalized;
import org.eigenstudy.geometry.distance.FeatureMap;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.distance.PixelMse;
import org.eigenstudy.geometry.distance.TorchScriptFeatureMap;
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
                FeatureMap phi = featureMap(distance, card)) {
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

    private static FeatureMap featureMap(String distance, ModelCard card) {
        return switch (distance) {
            case "mse" -> new PixelMse();
            case "equalized" -> new Equalized(new PixelMse());
            default ->
                    TorchScriptFeatureMap.load(
                            Fixtures.dir("tinyfeat").resolve("feature-map-card.json"),
                            card.valueRange(),
                            ai.djl.Device.cpu());
        };
    }
}
