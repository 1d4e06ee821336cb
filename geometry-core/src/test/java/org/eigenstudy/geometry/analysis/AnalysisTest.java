package org.eigenstudy.geometry.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    /** A random orthogonal Q (QR of a Gaussian matrix) times diag(λ) times Qᵀ. */
    static DMatrixRMaj withSpectrum(double[] lambda, long seed) {
        int n = lambda.length;
        Random random = new Random(seed);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            g.data[i] = random.nextGaussian();
        }
        var qr = org.ejml.dense.row.factory.DecompositionFactory_DDRM.qr(n, n);
        qr.decompose(g);
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj d = CommonOps_DDRM.diag(lambda);
        DMatrixRMaj qd = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(q, d, qd);
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qd, q, h);
        return h;
    }

    @Test
    void eigenRecoversDesignedSpectrumDescendingWithUnitVectors() {
        double[] lambda = {0.5, 30, 2, 1e-3, 7};
        DMatrixRMaj h = withSpectrum(lambda, 1);
        Eigen eig = Eigen.of(h);
        assertArrayEquals(new double[] {30, 7, 2, 0.5, 1e-3}, eig.values(), 1e-10);
        for (int j = 0; j < 5; j++) {
            double[] v = eig.vector(j);
            double norm = 0;
            for (int i = 0; i < 5; i++) {
                double hv = 0;
                for (int k = 0; k < 5; k++) {
                    hv += h.get(i, k) * v[k];
                }
                assertEquals(eig.values()[j] * v[i], hv, 1e-9);
                norm += v[i] * v[i];
            }
            assertEquals(1, norm, 1e-12);
        }
    }

    @Test
    void anisotropyDimsOfDesignedSpectrum() {
        // Total 100000: cumulative fractions 0.9, 0.99, 0.999, 0.9999, 0.99999, 1 (exact in
        // double), so threshold 0.99 is first reached at rank 2: one rank lies strictly below it.
        // Order and sign do not matter (|λ| sorted descending).
        double[] spectrum = {-0.5, 9000, 90, 90000, 900, 9, 0.5};
        assertArrayEquals(new int[] {1, 2, 3, 4}, Anisotropy.dims(spectrum, Anisotropy.THRESHOLDS));
        double[] flat = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        // 10 equal values: 0.99 of the total needs all 10, so 9 ranks lie below.
        assertArrayEquals(new int[] {9, 9, 9, 9}, Anisotropy.dims(flat, Anisotropy.THRESHOLDS));
    }

    @Test
    void identicalMetricsAreFullyConsistent() {
        DMatrixRMaj h = withSpectrum(new double[] {50, 10, 3, 1, 0.2, 0.01}, 2);
        List<DMatrixRMaj> hs = List.of(h, h.copy(), h.copy());
        Homogeneity.Result r = Homogeneity.of(hs, hs.stream().map(Eigen::of).toList());
        assertEquals(6, r.linear().pairs());
        assertEquals(1, r.linear().mean(), 1e-9);
        assertEquals(0, r.linear().std(), 1e-9);
        assertEquals(1, r.log().mean(), 1e-9);
    }

    @Test
    void isotropicMetricsGiveNaN() {
        DMatrixRMaj a = CommonOps_DDRM.identity(6);
        DMatrixRMaj b = CommonOps_DDRM.identity(6);
        CommonOps_DDRM.scale(3, b);
        List<DMatrixRMaj> hs = List.of(a, b);
        Homogeneity.Result r = Homogeneity.of(hs, hs.stream().map(Eigen::of).toList());
        assertEquals(2, r.linear().nanPairs());
        assertTrue(Double.isNaN(r.linear().mean()));
        assertTrue(Double.isNaN(r.log().mean()));
    }

    @Test
    void reversedSpectraAreAntiCorrelated() {
        // H_i's eigenvectors measured by H_j return H_j's diagonal in reverse order.
        List<DMatrixRMaj> arithmetic =
                List.of(CommonOps_DDRM.diag(1, 2, 3, 4), CommonOps_DDRM.diag(4, 3, 2, 1));
        Homogeneity.Result r =
                Homogeneity.of(arithmetic, arithmetic.stream().map(Eigen::of).toList());
        assertEquals(-1, r.linear().mean(), 1e-12);
        List<DMatrixRMaj> geometric =
                List.of(
                        CommonOps_DDRM.diag(1, 10, 100, 1000),
                        CommonOps_DDRM.diag(1000, 100, 10, 1));
        Homogeneity.Result g =
                Homogeneity.of(geometric, geometric.stream().map(Eigen::of).toList());
        assertEquals(-1, g.log().mean(), 1e-12);
    }

    @Test
    void correlationMatchesR() {
        // R 4.2.2: cor(c(1,4,2,8,5), c(2,3,1,9,4)); log scale drops the non-positive entry.
        double[] a = {1, 4, 2, 8, 5};
        double[] b = {2, 3, 1, 9, 4};
        assertEquals(0.93793661081687874, Homogeneity.correlation(a, b, false), 1e-14);
        double[] withNegative = {1, 4, -2, 8, 5};
        assertEquals(0.88127616759477168, Homogeneity.correlation(withNegative, b, true), 1e-14);
    }

    @Test
    void spectrumQuantilesMatchR() {
        // R 4.2.2: quantile(c(3.5,1,7,2.25,10,4,0.5), c(.05,.95), type=7) = 0.65, 9.1
        double[] values = {3.5, 1, 7, 2.25, 10, 4, 0.5};
        List<double[]> spectra =
                java.util.Arrays.stream(values).mapToObj(v -> new double[] {v, 2 * v}).toList();
        Spectrum s = Spectrum.of(spectra);
        assertEquals(0.65, s.p05()[0], 1e-12);
        assertEquals(9.1, s.p95()[0], 1e-12);
        assertEquals(2 * 9.1, s.p95()[1], 1e-12);
        assertEquals(28.25 / 7, s.mean()[0], 1e-12);
    }

    @Test
    void globalHessianIsElementwiseMean() {
        DMatrixRMaj a = CommonOps_DDRM.diag(1, 2);
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{3, 1}, {1, 0}});
        DMatrixRMaj avg = GlobalHessian.average(List.of(a, b));
        assertArrayEquals(new double[] {2, 0.5, 0.5, 1}, avg.data, 0);
    }

    @Test
    void randomDirectionsFollowTheTwoOverNPlusTwoLaw() {
        double[] lambda = {100, 30, 10, 3, 1, 0.3, 0.1, 0.03, 0.01, 0.003};
        IsotropyIllusion ill = IsotropyIllusion.sample(lambda, 200_000, 7);
        assertEquals(ill.predictedMean(), ill.measuredMean(), 0.01 * ill.predictedMean());
        assertEquals(
                ill.predictedVariance(), ill.measuredVariance(), 0.03 * ill.predictedVariance());
        // and the law is far from the spectrum's own spread: 2/(n+2) = 1/6 here
        assertEquals(ill.spectrumVariance() / 6, ill.predictedVariance(), 1e-9);
    }
}
