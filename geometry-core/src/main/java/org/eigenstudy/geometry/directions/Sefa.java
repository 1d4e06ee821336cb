package org.eigenstudy.geometry.directions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eigenstudy.geometry.analysis.Eigen;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * SeFa, closed-form factorisation (Shen and Zhou, CVPR 2021): for the first affine map from the
 * latent code to features, y = A z + b, the unit directions n that change y most, maximising |A
 * n|², are the eigenvectors of AᵀA with the largest eigenvalues. No sampling and no training: the
 * directions are a function of the weights alone, computed here in float64.
 */
public final class Sefa {

    private Sefa() {}

    /**
     * The top {@code count} directions of {@code a} (features × latent dim), strongest first, each
     * scored by its eigenvalue of AᵀA; {@code weights} names where A came from, for provenance.
     */
    public static DirectionSet directions(DMatrixRMaj a, int count, List<String> weights) {
        int dim = a.numCols;
        if (count < 1 || count > dim) {
            throw new IllegalArgumentException(
                    "SeFa gives 1 to " + dim + " directions here, not " + count);
        }
        DMatrixRMaj ata = new DMatrixRMaj(dim, dim);
        CommonOps_DDRM.multTransA(a, a, ata);
        Eigen eigen = Eigen.of(ata);
        List<Direction> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            out.add(new Direction("sefa-" + (j + 1), eigen.vector(j), eigen.values()[j]));
        }
        return new DirectionSet(
                "sefa", out, Map.of("weights", List.copyOf(weights), "features", a.numRows));
    }

    /**
     * A as SeFa needs it from one weight tensor of the first latent-to-feature layer: a linear
     * layer's weight [out, in] is A itself; a transposed convolution applied to the code as a 1×1
     * image, weight [in, out, kh, kw], maps z to out·kh·kw features, so A is its [in, rest] reshape
     * transposed. {@code dim} is the latent size, which picks the reading.
     */
    public static DMatrixRMaj latentMap(int[] shape, double[] values, int dim, String name) {
        if (shape.length == 2 && shape[1] == dim) {
            return new DMatrixRMaj(shape[0], shape[1], true, values);
        }
        if (shape.length >= 2 && shape[0] == dim) {
            int rest = values.length / dim;
            DMatrixRMaj byLatent = new DMatrixRMaj(dim, rest, true, values);
            return CommonOps_DDRM.transpose(byLatent, null);
        }
        throw new IllegalArgumentException(
                "weight "
                        + name
                        + " of shape "
                        + java.util.Arrays.toString(shape)
                        + " does not map a "
                        + dim
                        + "-d latent code: expected [out, "
                        + dim
                        + "] (linear) or ["
                        + dim
                        + ", ...] (transposed convolution)");
    }

    /** Several weights' maps stacked (StyleGAN2's modulations of several layers share the code). */
    public static DMatrixRMaj stack(List<DMatrixRMaj> maps) {
        int cols = maps.get(0).numCols;
        int rows = maps.stream().mapToInt(m -> m.numRows).sum();
        DMatrixRMaj out = new DMatrixRMaj(rows, cols);
        int at = 0;
        for (DMatrixRMaj m : maps) {
            CommonOps_DDRM.insert(m, out, at, 0);
            at += m.numRows;
        }
        return out;
    }
}
