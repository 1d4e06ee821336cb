package org.eigenstudy.geometry.io;

/** An n-dimensional array read from or written to a .npy file, values widened to float64. */
public record NpyArray(int[] shape, double[] data) {

    /** Element count implied by the shape. */
    public static int size(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /** Slice {@code index} along the first axis as a row-major matrix of the two remaining axes. */
    public double[][] matrix(int index) {
        int rows = shape[shape.length - 2];
        int cols = shape[shape.length - 1];
        double[][] m = new double[rows][cols];
        int base = index * rows * cols;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data, base + r * cols, m[r], 0, cols);
        }
        return m;
    }

    /** Row {@code index} of a 2-d array as float32 (latent codes). */
    public float[] floatRow(int index) {
        int cols = shape[shape.length - 1];
        float[] row = new float[cols];
        for (int c = 0; c < cols; c++) {
            row[c] = (float) data[index * cols + c];
        }
        return row;
    }
}
