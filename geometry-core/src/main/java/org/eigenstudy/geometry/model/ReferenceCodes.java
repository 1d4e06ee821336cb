package org.eigenstudy.geometry.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;

/**
 * Draws reference codes of a latent space as its model card says ({@link Prior}): from a
 * distribution, through the card's mapping module, as rows of its table, or part by part. The one
 * place every command and the stimulus pipeline get their codes from, so that metrics and stimuli
 * are computed at codes from the distribution the generator was trained on. Modules run on the CPU:
 * a code is cheap, and the same seed then gives the same codes on every device.
 */
public final class ReferenceCodes implements AutoCloseable {

    /** One way of drawing (a part of) a code. */
    private interface Draw {
        float[] draw(Random random);
    }

    private final int dim;
    private final Draw draw;
    private final List<AutoCloseable> opened;

    private ReferenceCodes(int dim, Draw draw, List<AutoCloseable> opened) {
        this.dim = dim;
        this.draw = draw;
        this.opened = opened;
    }

    /** Codes of {@code space} of {@code card}, normal draws truncated at {@code truncation}. */
    public static ReferenceCodes open(ModelCard card, LatentSpace space, Double truncation) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            Draw draw;
            if (space.prior().kind().equals("components")) {
                List<Draw> parts = new ArrayList<>();
                List<Integer> dims = new ArrayList<>();
                for (LatentSpace.Component c : space.components()) {
                    parts.add(of(card, c.prior().truncatedAt(truncation), c.dim(), opened));
                    dims.add(c.dim());
                }
                draw = random -> concat(parts, dims, space.dim(), random);
            } else {
                draw = of(card, space.prior().truncatedAt(truncation), space.dim(), opened);
            }
            return new ReferenceCodes(space.dim(), draw, opened);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    private static Draw of(ModelCard card, Prior prior, int dim, List<AutoCloseable> opened) {
        return switch (prior.kind()) {
            case "mapped" -> mapped(card, prior, dim, opened);
            case "rows" -> rows(card, prior, dim);
            case "components" ->
                    throw new GeometryException("prior components only applies to a whole space");
            default -> random -> prior.sample(dim, random);
        };
    }

    private static Draw mapped(ModelCard card, Prior prior, int dim, List<AutoCloseable> opened) {
        if (!prior.input().elementary()) {
            throw new GeometryException(
                    "a mapped prior's input must be normal, truncated or sphere");
        }
        TorchScript module =
                TorchScript.load(card.file(prior.module()), DeviceChoice.CPU.resolve());
        opened.add(module);
        int in = prior.inputDim();
        return random -> {
            float[] z = prior.input().sample(in, random);
            try (NDManager m = module.manager().newSubManager()) {
                NDArray out = module.forward(m, m.create(z, new Shape(1, in)), false);
                float[] w = out.toFloatArray();
                if (w.length != dim) {
                    throw new GeometryException(
                            prior.module()
                                    + " maps to "
                                    + w.length
                                    + " values, the space has "
                                    + dim);
                }
                return w;
            }
        };
    }

    private static Draw rows(ModelCard card, Prior prior, int dim) {
        NpyArray table = Npy.read(card.file(prior.file()));
        int[] shape = table.shape();
        if (shape.length != 2 || shape[1] != dim) {
            throw new GeometryException(
                    prior.file() + " must be a table [rows, " + dim + "] of codes");
        }
        return random -> {
            int row = random.nextInt(shape[0]);
            float[] code = new float[dim];
            for (int i = 0; i < dim; i++) {
                code[i] = (float) table.data()[row * dim + i];
            }
            return code;
        };
    }

    private static float[] concat(List<Draw> parts, List<Integer> dims, int dim, Random random) {
        float[] code = new float[dim];
        int at = 0;
        for (int k = 0; k < parts.size(); k++) {
            System.arraycopy(parts.get(k).draw(random), 0, code, at, dims.get(k));
            at += dims.get(k);
        }
        return code;
    }

    /** One code, from {@code random}'s stream. */
    public float[] draw(Random random) {
        return draw.draw(random);
    }

    public int dim() {
        return dim;
    }

    @Override
    public void close() {
        closeAll(opened);
    }

    private static void closeAll(List<AutoCloseable> opened) {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Closing a module frees native memory; nothing to do if it fails.
            }
        }
    }
}
