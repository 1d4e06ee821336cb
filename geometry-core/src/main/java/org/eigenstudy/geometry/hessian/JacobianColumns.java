package org.eigenstudy.geometry.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.eigenstudy.geometry.distance.ImageMetric;

/**
 * Exact Jacobian columns J e_i of φ∘G by reverse mode only (the "double-VJP" trick): with a dummy
 * leaf u, g(u) = Jᵀu is linear in u, so the gradient of ⟨g(u), e_b⟩ with respect to u is J e_b.
 * With copies of z0 in a batch, copy b yields column start+b. Compared with differentiating the
 * gradient of D once more (which then back-propagates 2J(Je) through the network again), this skips
 * one full backward pass per column; H = 2JᵀJ is then one float64 matrix product.
 */
final class JacobianColumns {
    private JacobianColumns() {}

    /** Columns start..start+size-1 as rows of a float32 [size, F] array owned by {@code out}. */
    static NDArray of(ImageMetric metric, NDManager out, float[] z0, int start, int size) {
        int n = z0.length;
        float[][] copies = new float[size][];
        float[][] basis = new float[size][n];
        for (int b = 0; b < size; b++) {
            copies[b] = z0;
            basis[b][start + b] = 1f;
        }
        try (GradientScope scope = new GradientScope();
                NDManager manager = out.newSubManager()) {
            NDArray z = manager.create(copies);
            z.setRequiresGradient(true);
            NDArray f = metric.features(manager, z, true);
            NDArray u = manager.zeros(f.getShape());
            u.setRequiresGradient(true);
            // f − sg(f) is 0 in value, so u's own gradient after this pass is exactly 0 and the
            // next pass leaves exactly J e_b in it (libtorch accumulates into .grad).
            NDArray s = f.sub(f.stopGradient()).mul(u).sum();
            JniUtils.backward((PtNDArray) s, (PtNDArray) s.onesLike(), true, true);
            NDArray g = JniUtils.getGradient((PtNDArray) z);
            NDArray t = g.mul(manager.create(basis)).sum();
            JniUtils.backward((PtNDArray) t, (PtNDArray) t.onesLike(), false, false);
            NDArray columns = JniUtils.getGradient((PtNDArray) u).duplicate();
            columns.attach(out);
            return columns;
        }
    }
}
