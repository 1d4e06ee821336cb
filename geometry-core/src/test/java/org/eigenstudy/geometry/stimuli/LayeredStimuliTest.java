package org.eigenstudy.geometry.stimuli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.eigenstudy.geometry.directions.RandomDirections;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.geometry.stimuli.render.FrameImage;
import org.eigenstudy.studyconfig.manifest.ManifestAxis;
import org.eigenstudy.studyconfig.manifest.ManifestModel;
import org.eigenstudy.studyconfig.manifest.ManifestStrip;
import org.eigenstudy.studyconfig.manifest.StimulusManifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * W+ edits ({@code stimuli.directions.layers}) on the committed StyleGAN2 fixture (W: 16-d, 8
 * layers, 32 px): a layered random axis's frames are the W+ module rendered on codes built here
 * (reference in every layer, the direction added in [start, end) only); all 8 layers give the plain
 * W strips; the metric's axes do not change; bad ranges are one-line errors.
 */
class LayeredStimuliTest {
    private static final int LAYERS = 8;
    private static final int DIM = 16;
    private static final double DISTANCE = 2.0;
    private static final Path CARD = exportCard();

    private static Path exportCard() {
        try {
            return Path.of(
                    LayeredStimuliTest.class
                            .getResource("/exports/stylegan2-narrow/model-card.json")
                            .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TempDir Path dir;

    private static String stimuli(String layers) {
        return """
                hessian: {points: 1, method: exact, distance: mse}
                axes: {top: 1, orthogonal: 0, bottom: 0, random: 2}
                directions: {layers: %s}
                references: 2
                frames: 3
                distance: %s
                image: {size: 32, format: png}
                seed: 3
                """
                .formatted(layers, DISTANCE);
    }

    private ManifestModel render(String name, String layers) throws Exception {
        return Studies.render(study(name, CARD, "w", layers), dir.resolve(name).resolve("out"));
    }

    /** The study on {@code card}, with a design over exactly its classes (top, random). */
    private Path study(String name, Path card, String space, String layers) throws Exception {
        Path config = Studies.write(dir.resolve(name), card, space, stimuli(layers));
        java.nio.file.Files.writeString(
                config,
                "design:\n  axis_classes: [top, random]\n",
                java.nio.file.StandardOpenOption.APPEND);
        return config;
    }

    @Test
    void layeredFramesAreTheWPlusModuleOnExpandedCodes() throws Exception {
        ManifestModel model = render("layered", "[2, 5]");
        Path out = dir.resolve("layered").resolve("out");
        assertEquals(
                List.of(),
                StimulusManifests.validate(StimulusManifests.read(out.resolve("manifest.json"))));
        ManifestAxis axis = model.axes().get(1);
        assertEquals("conv-w-random-01", axis.id());
        assertEquals(DIM, axis.vector().size(), "the manifest keeps codes of the space");
        double[] v = RandomDirections.draw(DIM, 2, 3).directions().get(0).vector();
        ModelCard card = ModelCard.read(CARD);
        try (Generator wplus = Generator.openWPlus(card, "w", DeviceChoice.CPU)) {
            for (ManifestStrip strip : axis.strips()) {
                List<Double> ref = model.references().get(strip.reference()).code();
                float[][] codes = new float[3][LAYERS * DIM];
                for (int f = 0; f < 3; f++) {
                    double t = (f - 1) * DISTANCE;
                    for (int l = 0; l < LAYERS; l++) {
                        boolean edited = l >= 2 && l < 5;
                        for (int i = 0; i < DIM; i++) {
                            codes[f][l * DIM + i] =
                                    (float) (ref.get(i) + (edited ? t * v[i] : 0.0));
                        }
                    }
                }
                float[][] images = wplus.images(codes);
                for (int f = 0; f < 3; f++) {
                    BufferedImage expected =
                            FrameImage.of(images[f], 3, 32, 32, card.valueRange(), 32);
                    assertSameImage(expected, out.resolve(strip.frames().get(f).path()), 1);
                }
            }
        }
        assertTrue(
                StimulusManifests.read(out.resolve("manifest.json"))
                        .generatedBy()
                        .details()
                        .get("conv.layers")
                        .contains("layers [2, 5) of 8"));
    }

    @Test
    void allLayersGiveThePlainWStripsAndTheMetricAxesAreUnaffected() throws Exception {
        ManifestModel all = render("all", "[0, 8]");
        ManifestModel plain = render("plain", "null");
        ManifestModel layered = render("some", "[6, 8]");
        for (int a = 0; a < all.axes().size(); a++) {
            for (int r = 0; r < 2; r++) {
                List<Double> got = all.axes().get(a).strips().get(r).frameDistances();
                List<Double> want = plain.axes().get(a).strips().get(r).frameDistances();
                for (int f = 0; f < got.size(); f++) {
                    // float32 round-off of one module against another, 7 significant digits printed
                    assertEquals(want.get(f), got.get(f), 1e-4 * want.get(f) + 1e-9, "axis " + a);
                }
            }
        }
        // top: identical in every run; a random axis in layers 6-7 only is another strip
        assertEquals(plain.axes().get(0).strips(), layered.axes().get(0).strips());
        assertNotEquals(
                plain.axes().get(1).strips().get(0).frameDistances(),
                layered.axes().get(1).strips().get(0).frameDistances());
    }

    @Test
    void badLayerRangesAreOneLineErrors() throws Exception {
        InvalidSpecException tooFar =
                assertThrows(InvalidSpecException.class, () -> render("far", "[4, 9]"));
        assertEquals(
                List.of(
                        "models[0] (conv).stimuli.directions.layers: [4, 9] exceeds the 8 layers of"
                                + " stylegan2-narrow's W+ module (end is exclusive, at most 8)"),
                tooFar.problems());
        Path config = study("z", org.eigenstudy.geometry.Fixtures.card("conv16"), "z", "[0, 2]");
        InvalidSpecException none =
                assertThrows(
                        InvalidSpecException.class,
                        () -> Studies.render(config, dir.resolve("z").resolve("out")));
        assertEquals(1, none.problems().size());
        assertTrue(
                none.problems()
                                .get(0)
                                .startsWith("models[0] (conv).stimuli.directions.layers: model ")
                        && none.problems().get(0).contains("has no W+ module for space z"),
                none.problems().toString());
    }

    private static void assertSameImage(BufferedImage expected, Path file, int tolerance)
            throws Exception {
        BufferedImage got = ImageIO.read(file.toFile());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int a = expected.getRGB(x, y);
                int b = got.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    int d = Math.abs(((a >> shift) & 255) - ((b >> shift) & 255));
                    assertTrue(d <= tolerance, file + " pixel " + x + "," + y);
                }
            }
        }
    }
}
