package org.eigenstudy.geometry.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.ndarray.OwnedArrays;

/**
 * Exact Jacobian columns J e_i of φ∘G by reverse mode only (the "double-VJP" trick), from one
 * forward pass and one retained graph: with a dummy leaf u, g(u) = Jᵀu = VJP(φG, z, u) is linear in
 * u, so d⟨g(u), E⟩/du = J E for any E. The graph holds {@code copies} copies of z0; each call of
 * {@link #columns} puts a basis vector on each copy and costs one tangent pass through g's graph —
 * no forward pass and, since only paths to u run, no backward pass through the forward graph. Its
 * cost is the double backward of every layer, which for libtorch's convolutions includes a kernel
 * gradient nobody uses ({@link ForwardColumns} avoids that where the generator has a jvp method).
 */
final class ReverseColumns implements JacobianColumns {
    private final GradientScope scope;
    private final NDArray u;
    private final NDArray g;
    private final int copies;
    private final int dim;

    ReverseColumns(ImageMetric metric, NDManager parent, float[] z0, int copies) {
        this.copies = copies;
        this.dim = z0.length;
        this.scope = new GradientScope(parent);
        NDManager manager = scope.manager();
        try {
            float[][] codes = new float[copies][];
            Arrays.fill(codes, z0);
            NDArray z = OwnedArrays.of(manager, codes);
            z.setRequiresGradient(true);
            NDArray f = metric.features(manager, z, true);
            u = manager.zeros(f.getShape());
            u.setRequiresGradient(true);
            // The forward graph need not be retained: g's recorded graph keeps what it uses.
            g = Autograd.vjp(manager, f, z, u, false, true);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public NDArray columns(NDManager out, int start, int size) {
        float[][] basis = JacobianColumns.basis(copies, dim, start, size);
        try (NDManager step = scope.manager().newSubManager()) {
            NDArray all = Autograd.vjp(out, g, u, step.create(basis), true, false);
            return size == copies ? all : all.get("0:" + size);
        }
    }

    @Override
    public void close() {
        scope.close();
    }
}
