package org.eigenstudy.geometry.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.model.NoGrad;
import org.eigenstudy.geometry.ndarray.OwnedArrays;

/**
 * Finite-difference HVPs from first-order gradients of D(z) = ‖φG(z) − φG(z0)‖² at z0 ± εv/‖v‖
 * (both in one batch), scaled back by ‖v‖.
 */
final class ForwardHvp implements Hvp {
    private final ImageMetric metric;
    private final float[] z0;
    private final double epsilon;
    private final NDManager manager;
    private final NDArray target;

    ForwardHvp(ImageMetric metric, float[] z0, double epsilon) {
        this.metric = metric;
        this.z0 = z0;
        this.epsilon = epsilon;
        this.manager = metric.generator().newManager();
        try (NoGrad noGrad = new NoGrad()) {
            target = metric.features(manager, manager.create(new float[][] {z0}), false);
        }
    }

    @Override
    public double[] apply(double[] v) {
        int n = v.length;
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[][] codes = new float[2][n];
        for (int i = 0; i < n; i++) {
            float step = (float) (epsilon * v[i] / norm);
            codes[0][i] = z0[i] + step;
            codes[1][i] = z0[i] - step;
        }
        try (GradientScope scope = new GradientScope(manager)) {
            NDManager step = scope.manager();
            NDArray z = OwnedArrays.of(step, codes);
            z.setRequiresGradient(true);
            NDArray loss = metric.features(step, z, true).sub(target).square().sum();
            JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
            float[] g = JniUtils.getGradient((PtNDArray) z).toFloatArray();
            double[] hv = new double[n];
            double scale = norm / (2 * epsilon);
            for (int i = 0; i < n; i++) {
                hv[i] = ((double) g[i] - g[n + i]) * scale;
            }
            return hv;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
