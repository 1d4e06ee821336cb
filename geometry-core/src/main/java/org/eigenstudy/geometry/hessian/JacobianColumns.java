package org.eigenstudy.geometry.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.eigenstudy.geometry.distance.ImageMetric;

/**
 * Jacobian columns J e_i of φ∘G at one code z0, {@code copies} at a time, from state built once (a
 * retained graph) and reused for every chunk of columns.
 */
sealed interface JacobianColumns extends AutoCloseable permits ForwardColumns, ReverseColumns {

    /**
     * Forward mode for the generator when its module has a jvp method (the card says so), else
     * reverse mode only; the two agree to float32 rounding (ExactHessianTest).
     */
    static JacobianColumns open(ImageMetric metric, NDManager parent, float[] z0, int copies) {
        return metric.generator().space().jvp()
                ? new ForwardColumns(metric, parent, z0, copies)
                : new ReverseColumns(metric, parent, z0, copies);
    }

    /**
     * Rows e_start..e_(start+size-1) of the identity in dimension {@code dim}, then zero rows up to
     * {@code rows}: the seeds of one chunk of columns.
     */
    static float[][] basis(int rows, int dim, int start, int size) {
        float[][] basis = new float[rows][dim];
        for (int b = 0; b < size; b++) {
            basis[b][start + b] = 1f;
        }
        return basis;
    }

    /** Columns start..start+size-1 (size ≤ copies) as rows of a float32 [size, F] array of out. */
    NDArray columns(NDManager out, int start, int size);

    @Override
    void close();
}
