package org.eigenstudy.geometry.directions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eigenstudy.geometry.analysis.Eigen;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * GANSpace (Härkönen et al., NeurIPS 2020): principal components of sampled latent codes (in W for
 * StyleGAN2), or, for generators without a W space, principal components of an early layer's
 * activations carried back to the latent space by least-squares regression of z on the component
 * coordinates. All in float64 from the samples the caller drew (seeded there).
 */
public final class GanSpace {

    private GanSpace() {}

    /** The top {@code count} principal directions of {@code samples} (one code per row). */
    public static DirectionSet principal(double[][] samples, int count, Map<String, Object> drawn) {
        Pca pca = Pca.of(samples, count);
        List<Direction> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            out.add(
                    new Direction(
                            "ganspace-" + (j + 1), pca.eigen.vector(j), pca.eigen.values()[j]));
        }
        return new DirectionSet("ganspace", out, provenance(drawn, samples.length, "latent"));
    }

    /**
     * For latent codes {@code z} and the activations {@code features} they produced (same rows):
     * the top {@code count} components of the activations, each carried back to z as the
     * least-squares coefficients B of Z ≈ X B, X the centred activations' component coordinates.
     */
    public static DirectionSet regressed(
            double[][] z, double[][] features, int count, Map<String, Object> drawn) {
        if (z.length != features.length) {
            throw new IllegalArgumentException("one feature row per code is needed");
        }
        Pca pca = Pca.of(features, count);
        int n = z.length;
        DMatrixRMaj centred = centred(features);
        DMatrixRMaj components = new DMatrixRMaj(pca.eigen.dim(), count);
        CommonOps_DDRM.extract(pca.eigen.vectors(), 0, pca.eigen.dim(), 0, count, components, 0, 0);
        DMatrixRMaj x = new DMatrixRMaj(n, count);
        CommonOps_DDRM.mult(centred, components, x);
        DMatrixRMaj zc = centred(z);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(n, count);
        if (!solver.setA(x)) {
            throw new IllegalArgumentException("the component coordinates are degenerate");
        }
        DMatrixRMaj b = new DMatrixRMaj(count, z[0].length);
        solver.solve(zc, b);
        List<Direction> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            double[] row = new double[b.numCols];
            System.arraycopy(b.data, j * b.numCols, row, 0, b.numCols);
            out.add(
                    new Direction(
                            "ganspace-" + (j + 1),
                            UnitVectors.normalised(row, "component " + (j + 1)),
                            pca.eigen.values()[j]));
        }
        return new DirectionSet("ganspace", out, provenance(drawn, n, "features regressed to z"));
    }

    private static Map<String, Object> provenance(Map<String, Object> drawn, int n, String of) {
        Map<String, Object> p = new java.util.LinkedHashMap<>(drawn);
        p.put("samples", n);
        p.put("pca_of", of);
        return p;
    }

    static DMatrixRMaj centred(double[][] rows) {
        int n = rows.length;
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] r : rows) {
            for (int i = 0; i < d; i++) {
                mean[i] += r[i] / n;
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(n, d);
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < d; i++) {
                m.set(k, i, rows[k][i] - mean[i]);
            }
        }
        return m;
    }

    /** Eigenpairs of the sample covariance, descending. */
    private record Pca(Eigen eigen) {
        static Pca of(double[][] rows, int count) {
            if (rows.length < 2) {
                throw new IllegalArgumentException("PCA needs at least two samples");
            }
            if (count < 1 || count > rows[0].length) {
                throw new IllegalArgumentException(
                        "PCA gives 1 to " + rows[0].length + " components, not " + count);
            }
            DMatrixRMaj c = centred(rows);
            DMatrixRMaj cov = new DMatrixRMaj(c.numCols, c.numCols);
            CommonOps_DDRM.multTransA(c, c, cov);
            CommonOps_DDRM.scale(1.0 / (rows.length - 1), cov);
            return new Pca(Eigen.of(cov));
        }
    }
}
