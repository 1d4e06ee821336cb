package org.eigenstudy.geometry.hessian;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.memory.ChunkPlanner;
import org.eigenstudy.geometry.progress.ProgressListener;
import org.ejml.data.DMatrixRMaj;

/**
 * All n Jacobian columns of φ∘G, {@code chunk} at a time ({@link JacobianColumns}), then H = 2JᵀJ
 * in float64. Where the generator has a jvp method the columns come by forward mode ({@link
 * ForwardColumns}: one primal pass per chunk plus about one forward pass per column); otherwise by
 * vectorised double back-propagation ({@link ReverseColumns}: one forward pass and one
 * differentiable VJP at chunk copies of z0, then n/chunk tangent passes through that retained
 * graph). Either way cost ≈ n forward-equivalents plus a per-model factor, against ≈ 2n for the
 * serial baseline (which differentiates the gradient of D row by row, as the paper's code does).
 * The chunk bounds memory and sets the batch that a GPU, or small layers on a CPU, run efficiently.
 */
public final class ExactHessian implements FullHessian {
    private final ImageMetric metric;
    private final int chunk;

    public ExactHessian(ImageMetric metric, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1");
        }
        this.metric = metric;
        this.chunk = chunk;
    }

    @Override
    public DMatrixRMaj hessian(float[] z0, ProgressListener progress) {
        int n = z0.length;
        int copies = Math.min(chunk, n);
        try (NDManager manager = metric.generator().newManager()) {
            NDList columns = new NDList();
            try (JacobianColumns graph = JacobianColumns.open(metric, manager, z0, copies)) {
                for (int start = 0; start < n; start += copies) {
                    int size = Math.min(copies, n - start);
                    columns.add(graph.columns(manager, start, size));
                    progress.progress(start + size, n);
                }
            }
            return Gram.twiceGram(NDArrays.concat(columns));
        }
    }

    /**
     * The chunk whose peak memory fits {@code budgetBytes} on the CPU, measured with probe passes
     * at z0 (see {@link ChunkPlanner}).
     */
    public static int chunkForBudget(ImageMetric metric, float[] z0, long budgetBytes) {
        return ChunkPlanner.largestFitting(
                size -> {
                    try (NDManager m = metric.generator().newManager();
                            JacobianColumns graph = JacobianColumns.open(metric, m, z0, size)) {
                        graph.columns(m, 0, size);
                    }
                },
                budgetBytes,
                z0.length);
    }

    @Override
    public String name() {
        return "exact";
    }
}
