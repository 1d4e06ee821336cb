package org.eigenstudy.geometry.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.eigenstudy.geometry.distance.ImageMetric;

/**
 * The differentiable gradient of D(z) = ‖φ(G(z)) − φ(G(z0))‖² at a batch of codes, kept alive so
 * that Hessian-vector products cost one backward pass each.
 *
 * <p>The target φ(G(z0)) is the detached forward output itself, so the residual and hence the
 * gradient g are exactly zero while the graph of g still carries H = 2JᵀJ. One backward of S = Σ_b
 * ⟨g_b, v_b⟩ then leaves H(z_b) v_b in z's gradient, for every copy b at once.
 */
final class HvpGraph implements AutoCloseable {
    private final GradientScope scope;
    private final NDManager manager;
    private final NDArray z;
    private final NDArray gradient;
    private final int batch;
    private final int dim;
    private float[] accumulated;

    HvpGraph(ImageMetric metric, NDManager parent, float[][] codes) {
        this.batch = codes.length;
        this.dim = codes[0].length;
        this.scope = new GradientScope();
        this.manager = parent.newSubManager();
        try {
            z = manager.create(codes);
            z.setRequiresGradient(true);
            NDArray f = metric.features(manager, z, true);
            NDArray residual = f.sub(f.stopGradient());
            NDArray loss = residual.square().sum();
            JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), true, true);
            gradient = JniUtils.getGradient((PtNDArray) z);
            accumulated = gradient.toFloatArray();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * H(z_b) v_b for each copy b, as float64 [batch][dim]. libtorch accumulates into z's gradient
     * (zeroing it would be recorded on g's graph), so each product is the change of that sum.
     */
    double[][] apply(float[][] directions) {
        try (NDManager step = manager.newSubManager()) {
            NDArray v = step.create(directions);
            NDArray s = gradient.mul(v).sum();
            JniUtils.backward((PtNDArray) s, (PtNDArray) s.onesLike(), true, false);
            float[] now = JniUtils.getGradient((PtNDArray) z).toFloatArray();
            double[][] out = new double[batch][dim];
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < dim; i++) {
                    int k = b * dim + i;
                    out[b][i] = (double) now[k] - accumulated[k];
                }
            }
            accumulated = now;
            return out;
        }
    }

    @Override
    public void close() {
        try {
            manager.close();
        } finally {
            scope.close();
        }
    }
}
