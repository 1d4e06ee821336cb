package org.eigenstudy.geometry.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.ndarray.OwnedArrays;

/**
 * The differentiable gradient of D(z) = ‖φ(G(z)) − φ(G(z0))‖² at a batch of codes, kept alive so
 * that Hessian-vector products cost one backward pass each — the paper's {@code
 * torch.autograd.grad(g[i], z, retain_graph=True)}.
 *
 * <p>The target φ(G(z0)) is the detached forward output itself, so the residual and hence the
 * gradient g are exactly zero while the graph of g still carries H = 2JᵀJ. One backward of S = Σ_b
 * ⟨g_b, v_b⟩ to z gives H(z_b) v_b for every copy b at once. The products are returned, not
 * accumulated, and nothing new is recorded: memory and cost per product stay constant.
 */
final class HvpGraph implements AutoCloseable {
    private final GradientScope scope;
    private final NDArray z;
    private final NDArray gradient;
    private final int batch;
    private final int dim;

    HvpGraph(ImageMetric metric, NDManager parent, float[][] codes) {
        this.batch = codes.length;
        this.dim = codes[0].length;
        this.scope = new GradientScope(parent);
        NDManager manager = scope.manager();
        try {
            z = OwnedArrays.of(manager, codes);
            z.setRequiresGradient(true);
            NDArray f = metric.features(manager, z, true);
            NDArray residual = f.sub(f.stopGradient());
            NDArray loss = residual.square().sum();
            gradient = Autograd.vjp(manager, loss, z, loss.onesLike(), true, true);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** H(z_b) v_b for each copy b, as float64 [batch][dim]. */
    double[][] apply(float[][] directions) {
        try (NDManager step = scope.manager().newSubManager()) {
            NDArray v = step.create(directions);
            float[] hv = Autograd.vjp(step, gradient, z, v, true, false).toFloatArray();
            double[][] out = new double[batch][dim];
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < dim; i++) {
                    out[b][i] = hv[b * dim + i];
                }
            }
            return out;
        }
    }

    @Override
    public void close() {
        scope.close();
    }
}
