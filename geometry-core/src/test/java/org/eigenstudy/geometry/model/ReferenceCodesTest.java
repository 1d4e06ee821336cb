package org.eigenstudy.geometry.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.junit.jupiter.api.Test;

/**
 * Reference codes come from the distribution the card names, on the exporter's fixtures: StyleGAN2
 * W codes are mapped z (each equals mapping.pt of the normal draw of the same stream, and their
 * mean is the exporter's latent_avg, the mean of the mapping it computed in Python), BigGAN class
 * codes are rows of class_embeddings.npy, full codes are truncated noise followed by such a row.
 */
class ReferenceCodesTest {

    private static Path dir(String name) {
        try {
            return Path.of(ReferenceCodesTest.class.getResource("/exports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void styleGan2WCodesAreMappedZ() {
        ModelCard card = ModelCard.read(dir("stylegan2-narrow").resolve("model-card.json"));
        LatentSpace w = card.space("w");
        assertEquals("mapped", w.prior().kind());
        int dim = w.dim();
        try (ReferenceCodes codes = ReferenceCodes.open(card, w, null);
                TorchScript mapping =
                        TorchScript.load(card.file("mapping.pt"), DeviceChoice.CPU.resolve())) {
            float[] drawn = codes.draw(new Random(5));
            float[] z = Prior.of("normal", null, null).sample(dim, new Random(5));
            try (NDManager m = mapping.manager().newSubManager()) {
                float[] mapped =
                        mapping.forward(m, m.create(z, new Shape(1, dim)), false).toFloatArray();
                assertArrayEquals(mapped, drawn, 0f, "the draw is the mapping of the stream's z");
            }

            // Before, W codes were drawn N(0, I) like z: the draw is not that any more.
            assertTrue(!java.util.Arrays.equals(z, drawn));
            // Every draw, not just the first: the stream's next z, mapped.
            Random a = new Random(6);
            Random b = new Random(6);
            for (int k = 0; k < 20; k++) {
                float[] next = codes.draw(a);
                float[] zk = Prior.of("normal", null, null).sample(dim, b);
                try (NDManager m = mapping.manager().newSubManager()) {
                    assertArrayEquals(
                            mapping.forward(m, m.create(zk, new Shape(1, dim)), false)
                                    .toFloatArray(),
                            next,
                            0f);
                }
            }
        }
    }

    @Test
    void bigGanClassCodesAreTableRowsAndFullCodesNoiseThenARow() {
        ModelCard card = ModelCard.read(dir("biggan-deep-narrow").resolve("model-card.json"));
        NpyArray table = Npy.read(card.file("class_embeddings.npy"));
        int rows = table.shape()[0];
        int edim = table.shape()[1];
        Set<Integer> seen = new HashSet<>();
        try (ReferenceCodes codes = ReferenceCodes.open(card, card.space("class"), null)) {
            Random random = new Random(2);
            for (int k = 0; k < 300; k++) {
                seen.add(rowOf(table, codes.draw(random), 0));
            }
        }
        assertEquals(rows, seen.size(), "every class is drawn");

        LatentSpace full = card.space("full");
        int zdim = full.dim() - edim;
        try (ReferenceCodes codes = ReferenceCodes.open(card, full, null)) {
            Random random = new Random(3);
            for (int k = 0; k < 50; k++) {
                float[] code = codes.draw(random);
                for (int i = 0; i < zdim; i++) {
                    assertTrue(Math.abs(code[i]) <= 2.0, "noise within the truncation");
                }
                assertTrue(rowOf(table, code, zdim) >= 0, "the class half is a row");
            }
        }
        // Truncation applies to the noise, never to the table's rows.
        try (ReferenceCodes codes = ReferenceCodes.open(card, full, 0.5)) {
            float[] code = codes.draw(new Random(4));
            for (int i = 0; i < zdim; i++) {
                assertTrue(Math.abs(code[i]) <= 0.5);
            }
            assertTrue(rowOf(table, code, zdim) >= 0);
        }
    }

    /** The table row equal to {@code code[from..]}, or fails. */
    private static int rowOf(NpyArray table, float[] code, int from) {
        int dim = table.shape()[1];
        for (int r = 0; r < table.shape()[0]; r++) {
            boolean same = true;
            for (int i = 0; i < dim && same; i++) {
                same = (float) table.data()[r * dim + i] == code[from + i];
            }
            if (same) {
                return r;
            }
        }
        throw new AssertionError("not a row of the table");
    }
}
