package org.eigenstudy.geometry.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenpairs of a symmetric matrix: {@code values} descending, {@code vectors} n×k with unit
 * eigenvector j in column j. A vector's sign is fixed so its largest-magnitude entry is positive,
 * which makes repeated runs give identical files.
 */
public record Eigen(double[] values, DMatrixRMaj vectors) {

    /** Full decomposition by EJML's symmetric QR algorithm. */
    public static Eigen of(DMatrixRMaj symmetric) {
        int n = symmetric.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new IllegalArgumentException("eigen-decomposition did not converge");
        }
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            raw[i] = eig.getEigenvalue(i).getReal();
        }
        Integer[] order =
                IntStream.range(0, n)
                        .boxed()
                        .sorted(Comparator.comparingDouble(i -> -raw[i]))
                        .toArray(Integer[]::new);
        double[][] columns = new double[n][];
        double[] values = new double[n];
        for (int j = 0; j < n; j++) {
            values[j] = raw[order[j]];
            columns[j] = eig.getEigenVector(order[j]).data;
        }
        return fromColumns(values, columns);
    }

    /** Builds an Eigen from unit column vectors, normalising each vector's sign. */
    public static Eigen fromColumns(double[] values, double[][] columns) {
        int n = columns[0].length;
        DMatrixRMaj vectors = new DMatrixRMaj(n, columns.length);
        for (int j = 0; j < columns.length; j++) {
            double[] v = columns[j];
            int biggest = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(v[i]) > Math.abs(v[biggest])) {
                    biggest = i;
                }
            }
            double sign = v[biggest] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                vectors.set(i, j, sign * v[i]);
            }
        }
        return new Eigen(values.clone(), vectors);
    }

    /** Eigenvector {@code j} (0-based rank) as a new array. */
    public double[] vector(int j) {
        double[] v = new double[vectors.numRows];
        for (int i = 0; i < v.length; i++) {
            v[i] = vectors.get(i, j);
        }
        return v;
    }

    public int dim() {
        return vectors.numRows;
    }

    @Override
    public String toString() {
        return "Eigen" + Arrays.toString(values);
    }
}
