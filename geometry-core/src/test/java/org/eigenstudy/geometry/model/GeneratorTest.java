package org.eigenstudy.geometry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.geometry.Fixtures;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
    @TempDir Path dir;

    @Test
    void reproducesPyTorchImages() {
        ModelCard card = ModelCard.read(Fixtures.card("conv16"));
        assertEquals(16, card.space("z").dim());
        NpyArray z0 = Npy.read(Fixtures.dir("conv16").resolve("z0.npy"));
        NpyArray expected = Npy.read(Fixtures.dir("conv16").resolve("images.npy"));
        try (Generator g = Generator.open(card, "z", DeviceChoice.CPU)) {
            float[][] images = g.images(new float[][] {z0.floatRow(0), z0.floatRow(1)});
            int per = images[0].length;
            for (int b = 0; b < 2; b++) {
                for (int i = 0; i < per; i++) {
                    assertEquals(expected.data()[b * per + i], images[b][i], 1e-5);
                }
            }
        }
    }

    @Test
    void dimensionMismatchIsNamed() {
        ModelCard card = ModelCard.read(Fixtures.card("conv16"));
        try (Generator g = Generator.open(card, "z", DeviceChoice.CPU)) {
            GeometryException e =
                    assertThrows(
                            GeometryException.class, () -> g.images(new float[][] {new float[15]}));
            assertTrue(e.getMessage().contains("dimension 16"), e.getMessage());
        }
    }

    @Test
    void nonFiniteOutputIsRejected() {
        ModelCard card = ModelCard.read(Fixtures.card("conv16"));
        float[] z = new float[16];
        z[0] = Float.NaN;
        try (Generator g = Generator.open(card, "z", DeviceChoice.CPU)) {
            GeometryException e =
                    assertThrows(GeometryException.class, () -> g.images(new float[][] {z}));
            assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        }
    }

    @Test
    void corruptAndMissingFilesAreNamed() throws Exception {
        Path card = dir.resolve("model-card.json");
        Files.copy(Fixtures.card("conv16"), card);
        GeometryException missing =
                assertThrows(
                        GeometryException.class,
                        () -> Generator.open(ModelCard.read(card), "z", DeviceChoice.CPU));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
        Files.writeString(dir.resolve("generator_z.pt"), "truncated");
        GeometryException corrupt =
                assertThrows(
                        GeometryException.class,
                        () -> Generator.open(ModelCard.read(card), "z", DeviceChoice.CPU));
        assertTrue(corrupt.getMessage().contains("corrupt"), corrupt.getMessage());
        Files.writeString(card, "{not json");
        assertThrows(GeometryException.class, () -> ModelCard.read(card));
        assertThrows(GeometryException.class, () -> ModelCard.read(dir.resolve("absent.json")));
    }

    @Test
    void unknownSpaceListsTheCardsSpaces() {
        ModelCard card = ModelCard.read(Fixtures.card("conv16"));
        GeometryException e = assertThrows(GeometryException.class, () -> card.space("w"));
        assertTrue(e.getMessage().contains("[z]"), e.getMessage());
    }

    @Test
    void gpuRequestedOnAMachineWithoutOneFails() {
        // The build machines have no GPU: DJL's CPU libtorch reports none.
        GeometryException e = assertThrows(GeometryException.class, DeviceChoice.GPU::resolve);
        assertTrue(e.getMessage().contains("GPU"), e.getMessage());
        assertEquals(ai.djl.Device.cpu(), DeviceChoice.AUTO.resolve());
    }
}
