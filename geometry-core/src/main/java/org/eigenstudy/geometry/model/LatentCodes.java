package org.eigenstudy.geometry.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.studyconfig.manifest.Sha256;

/**
 * A researcher's own latent codes ({@code hessian --codes}, a study's {@code hessian.codes}): a
 * {@code .npy} array [N, dim] or one code [dim], checked against the space's size and for finite
 * values, as float32 like drawn codes.
 */
public final class LatentCodes {

    private LatentCodes() {}

    public static List<float[]> read(Path file, int dim) {
        NpyArray array = Npy.read(file);
        int[] shape = array.shape();
        int[] rows =
                switch (shape.length) {
                    case 1 -> new int[] {1, shape[0]};
                    case 2 -> shape;
                    default ->
                            throw new GeometryException(
                                    file
                                            + " must hold codes [N, "
                                            + dim
                                            + "], not a "
                                            + shape.length
                                            + "-d array");
                };
        if (rows[1] != dim) {
            throw new GeometryException(
                    file + " holds codes of " + rows[1] + " values; the space has " + dim);
        }
        if (rows[0] < 1) {
            throw new GeometryException(file + " holds no code");
        }
        List<float[]> codes = new ArrayList<>(rows[0]);
        for (int p = 0; p < rows[0]; p++) {
            float[] code = new float[dim];
            for (int i = 0; i < dim; i++) {
                double v = array.data()[p * dim + i];
                if (!Double.isFinite(v)) {
                    throw new GeometryException(
                            file + " code " + (p + 1) + " has a value that is not finite");
                }
                code[i] = (float) v;
            }
            codes.add(code);
        }
        return codes;
    }

    public static String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new GeometryException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
