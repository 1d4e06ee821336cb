package org.eigenstudy.geometry.hessian;

import ai.djl.ndarray.NDManager;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.progress.ProgressListener;
import org.ejml.data.DMatrixRMaj;

/**
 * The paper's reference algorithm, kept as the benchmark baseline: one forward pass at batch 1 and
 * one differentiable gradient g of D, then row i = d g_i / dz by one backward pass through g's
 * retained graph ({@code torch.autograd.grad(g[i], z, retain_graph=True)}, n passes).
 */
public final class SerialHessian implements FullHessian {
    private final ImageMetric metric;

    public SerialHessian(ImageMetric metric) {
        this.metric = metric;
    }

    @Override
    public DMatrixRMaj hessian(float[] z0, ProgressListener progress) {
        int n = z0.length;
        double[][] rows = new double[n][];
        try (NDManager manager = metric.generator().newManager();
                HvpGraph graph = new HvpGraph(metric, manager, new float[][] {z0})) {
            for (int i = 0; i < n; i++) {
                float[][] e = new float[1][n];
                e[0][i] = 1f;
                rows[i] = graph.apply(e)[0];
                progress.progress(i + 1, n);
            }
        }
        return Symmetrize.of(rows);
    }

    @Override
    public String name() {
        return "serial";
    }
}
