package org.eigenstudy.geometry.hessian;

import ai.djl.ndarray.NDManager;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.ejml.data.DMatrixRMaj;

/**
 * Vectorised double back-propagation: {@code chunk} copies of z0 in one batch, copy b paired with
 * basis vector e_{k+b}, give rows k..k+chunk of H from one forward and two backward passes. The
 * chunk bounds memory; n/chunk such passes make the whole Hessian.
 */
public final class ExactHessian implements HessianMethod {
    private final ImageMetric metric;
    private final int chunk;

    public ExactHessian(ImageMetric metric, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1");
        }
        this.metric = metric;
        this.chunk = chunk;
    }

    @Override
    public DMatrixRMaj hessian(float[] z0) {
        int n = z0.length;
        double[][] rows = new double[n][];
        try (NDManager manager = metric.generator().newManager()) {
            for (int start = 0; start < n; start += chunk) {
                int size = Math.min(chunk, n - start);
                float[][] copies = new float[size][];
                float[][] basis = new float[size][n];
                for (int b = 0; b < size; b++) {
                    copies[b] = z0;
                    basis[b][start + b] = 1f;
                }
                try (HvpGraph graph = new HvpGraph(metric, manager, copies)) {
                    double[][] block = graph.apply(basis);
                    System.arraycopy(block, 0, rows, start, size);
                }
            }
        }
        return Symmetrize.of(rows);
    }

    @Override
    public String name() {
        return "exact";
    }
}
