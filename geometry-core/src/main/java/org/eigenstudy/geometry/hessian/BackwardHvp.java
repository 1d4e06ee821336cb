package org.eigenstudy.geometry.hessian;

import ai.djl.ndarray.NDManager;
import org.eigenstudy.geometry.distance.ImageMetric;

/** Exact HVPs: one retained double-backprop graph at z0, one backward pass per product. */
final class BackwardHvp implements Hvp {
    private final NDManager manager;
    private final HvpGraph graph;

    BackwardHvp(ImageMetric metric, float[] z0) {
        manager = metric.generator().newManager();
        graph = new HvpGraph(metric, manager, new float[][] {z0});
    }

    @Override
    public double[] apply(double[] v) {
        float[][] direction = new float[1][v.length];
        for (int i = 0; i < v.length; i++) {
            direction[0][i] = (float) v[i];
        }
        return graph.apply(direction)[0];
    }

    @Override
    public void close() {
        try {
            graph.close();
        } finally {
            manager.close();
        }
    }
}
