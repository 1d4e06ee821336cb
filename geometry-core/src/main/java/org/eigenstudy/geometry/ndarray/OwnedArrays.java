package org.eigenstudy.geometry.ndarray;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Arrays whose memory libtorch owns, for everything that may be saved in a recorded graph.
 *
 * <p>DJL's PyTorch engine wraps a CPU array made from Java data around a direct buffer ({@code
 * torch.from_blob}) that lives only as long as the Java {@code NDArray} object; arithmetic with a
 * Java number ({@code x.div(2f)}) makes such a scalar and closes it at once. Autograd keeps its own
 * reference to the tensor, but not to the buffer: once the garbage collector frees the buffer, a
 * retained graph reads freed memory, and later Hessian passes come out wrong (zero columns, or
 * values of 1e40). Constants and inputs of a graph are therefore made here, in memory that the
 * tensor itself holds.
 */
public final class OwnedArrays {
    private OwnedArrays() {}

    /** A float32 scalar on the manager's device. */
    public static NDArray scalar(NDManager manager, float value) {
        return manager.full(new Shape(), value);
    }

    /** A float32 [rows, columns] copy of {@code data}. */
    public static NDArray of(NDManager manager, float[][] data) {
        try (NDArray wrapped = manager.create(data)) {
            return wrapped.duplicate();
        }
    }
}
