package org.eigenstudy.geometry.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.eigenstudy.geometry.model.NoGrad;

/** The machine's float32 matrix-multiply rate through the same libtorch: the roofline reference. */
final class MatmulRate {
    private MatmulRate() {}

    /** Best-of-{@code repeats} GFLOP/s of a size×size by size×size float32 product. */
    static double gflops(NDManager parent, int size, int repeats) {
        try (NDManager m = parent.newSubManager();
                NoGrad noGrad = new NoGrad()) {
            NDArray a = m.randomNormal(new Shape(size, size));
            NDArray b = m.randomNormal(new Shape(size, size));
            a.matMul(b).toFloatArray();
            double best = Double.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0);
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
                c.close();
            }
            return 2.0 * size * size * size / best / 1e9;
        }
    }
}
