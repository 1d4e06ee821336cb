package org.eigenstudy.geometry.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.NoGrad;
import org.eigenstudy.geometry.model.NonFinite;
import org.eigenstudy.geometry.ndarray.OwnedArrays;

/**
 * Jacobian columns J e_i of φ∘G with the generator in forward mode: its module's jvp method gives
 * ∂G(z0)·E for a chunk of basis vectors E in one call (one primal pass shared by the chunk, then a
 * pass of each linear layer per column), and φ's Jacobian is applied to those image tangents by the
 * double-VJP trick on φ alone, at copies of x0 = G(z0), its graph built once. Why: reverse mode
 * alone ({@link ReverseColumns}) differentiates the generator's backward pass, and libtorch's
 * convolution double backward also computes a kernel gradient that nothing uses — on PGGAN-256 that
 * made a column cost about 3.4 forward passes.
 */
final class ForwardColumns implements JacobianColumns {
    private final Generator generator;
    private final GradientScope scope;
    private final NDArray z;
    private final NDArray u;
    private final NDArray g;
    private final int copies;
    private final int dim;

    ForwardColumns(ImageMetric metric, NDManager parent, float[] z0, int copies) {
        this.generator = metric.generator();
        this.copies = copies;
        this.dim = z0.length;
        this.scope = new GradientScope(parent);
        NDManager manager = scope.manager();
        try {
            z = OwnedArrays.of(manager, new float[][] {z0});
            NDArray x0;
            try (NoGrad noGrad = new NoGrad()) {
                x0 = generator.forward(manager, z, false);
            }
            NonFinite.check(x0, "generator " + generator.card().name());
            NDArray x = x0.repeat(0, copies);
            x.setRequiresGradient(true);
            NDArray f = metric.featureMap().apply(manager, x, true);
            u = manager.zeros(f.getShape());
            u.setRequiresGradient(true);
            g = Autograd.vjp(manager, f, x, u, false, true);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public NDArray columns(NDManager out, int start, int size) {
        float[][] basis = JacobianColumns.basis(size, dim, start, size);
        try (NDManager step = scope.manager().newSubManager()) {
            NDArray tangents;
            try (NoGrad noGrad = new NoGrad()) {
                tangents = generator.jvp(step, z, step.create(basis)).get(1);
            }
            NonFinite.check(tangents, "jvp of generator " + generator.card().name());
            if (size < copies) {
                Shape rest = new Shape(copies - size).addAll(tangents.getShape().slice(1));
                tangents = NDArrays.concat(new NDList(tangents, step.zeros(rest)));
            }
            NDArray all = Autograd.vjp(out, g, u, tangents, true, false);
            return size == copies ? all : all.get("0:" + size);
        }
    }

    @Override
    public void close() {
        scope.close();
    }
}
