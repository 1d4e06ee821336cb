package org.eigenstudy.geometry.hessian;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.memory.ChunkPlanner;
import org.ejml.data.DMatrixRMaj;

/**
 * Vectorised double back-propagation: {@code chunk} copies of z0 in one batch, copy b paired with
 * basis vector e_{k+b}, give Jacobian columns k..k+chunk of φ∘G from one forward and two backward
 * passes ({@link JacobianColumns}); H = 2JᵀJ in float64. The chunk bounds memory; n/chunk such
 * passes make the whole Hessian. (The serial baseline instead differentiates the gradient of D row
 * by row, as the paper's code does.)
 */
public final class ExactHessian implements HessianMethod {
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
    public DMatrixRMaj hessian(float[] z0) {
        int n = z0.length;
        try (NDManager manager = metric.generator().newManager()) {
            NDList columns = new NDList();
            for (int start = 0; start < n; start += chunk) {
                columns.add(
                        JacobianColumns.of(metric, manager, z0, start, Math.min(chunk, n - start)));
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
                    try (NDManager m = metric.generator().newManager()) {
                        JacobianColumns.of(metric, m, z0, 0, size);
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
