package org.eigenstudy.geometry.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.ejml.data.DMatrixRMaj;

/** H = 2·JᵀJ from Jacobian columns stored as rows of a float32 [n, F] array. */
final class Gram {
    private static final long FEATURE_SLICE = 1 << 16;

    private Gram() {}

    /** Accumulated in float64 over slices of the feature axis, to bound the float64 copy. */
    static DMatrixRMaj twiceGram(NDArray jt) {
        int n = (int) jt.getShape().get(0);
        long features = jt.getShape().get(1);
        double[] sum = new double[n * n];
        for (long a = 0; a < features; a += FEATURE_SLICE) {
            long b = Math.min(features, a + FEATURE_SLICE);
            NDArray s = jt.get(":, " + a + ":" + b).toType(DataType.FLOAT64, false);
            double[] part = s.matMul(s.transpose()).toDoubleArray();
            for (int i = 0; i < part.length; i++) {
                sum[i] += 2 * part[i];
            }
        }
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        h.setData(sum);
        return h;
    }

    /**
     * The same product in float32 (one libtorch GEMM, no float64 copy): for Jacobians whose own
     * error is far above float32 round-off — finite differences (≈1e-3 relative) — where the
     * float64 product would cost as much as all the forward passes on a large n.
     */
    static DMatrixRMaj twiceGramSingle(NDArray jt) {
        int n = (int) jt.getShape().get(0);
        float[] product = jt.matMul(jt.transpose()).toFloatArray();
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        for (int i = 0; i < product.length; i++) {
            h.data[i] = 2.0 * product[i];
        }
        return h;
    }
}
