package org.eigenstudy.geometry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.eigenstudy.geometry.distance.TorchScriptFeatureMap;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exporter's fixtures (src/test/resources/exports, written by eigenstudy_export from
 * random-weight checkpoints in the public formats, plus the LPIPS alex/vgg exports it writes at
 * test time): DJL must reproduce eager PyTorch's outputs to within the rounding two float32
 * evaluations may differ by on different CPUs and kernels ({@link Float32Bound}).
 */
class ExportsTest {

    private static Path dir(String name) {
        try {
            return Path.of(ExportsTest.class.getResource("/exports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[][] rows(NpyArray a) {
        float[][] rows = new float[a.shape()[0]][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = a.floatRow(r);
        }
        return rows;
    }

    @ParameterizedTest
    @CsvSource({
        "pggan-narrow,z",
        "stylegan2-narrow,z",
        "stylegan2-narrow,w",
        "biggan-deep-narrow,noise",
        "biggan-deep-narrow,class",
        "biggan-deep-narrow,full"
    })
    void generatorsReproducePyTorch(String model, String space) {
        ModelCard card = ModelCard.read(dir(model).resolve("model-card.json"));
        try (Generator g = Generator.open(card, space, DeviceChoice.CPU)) {
            assertReproduces(model, space, g);
        }
    }

    /** StyleGAN2's W+ module: inputs_wplus has a different mapped w for each of its 8 layers. */
    @Test
    void wplusModuleReproducesPyTorch() {
        ModelCard card = ModelCard.read(dir("stylegan2-narrow").resolve("model-card.json"));
        LatentSpace.WPlus wplus = card.space("w").wplus();
        assertEquals("synthesis_wplus.pt", wplus.module());
        assertEquals(8, wplus.layers());
        assertEquals(List.of("g.conv1.conv.modulation.weight"), wplus.styles().get(0));
        try (Generator g = Generator.openWPlus(card, "w", DeviceChoice.CPU)) {
            assertEquals(8 * 16, g.dim());
            assertReproduces("stylegan2-narrow", "wplus", g);
        }
    }

    private static void assertReproduces(String model, String inputs, Generator g) {
        NpyArray codes = Npy.read(dir(model).resolve("inputs_" + inputs + ".npy"));
        NpyArray expected = Npy.read(dir(model).resolve("outputs_" + inputs + ".npy"));
        double atol = Float32Bound.atol(model, expected.data());
        float[][] images = g.images(rows(codes));
        int per = images[0].length;
        for (int b = 0; b < images.length; b++) {
            for (int i = 0; i < per; i++) {
                assertEquals(
                        expected.data()[b * per + i], images[b][i], atol, model + " " + inputs);
            }
        }
    }

    /**
     * squeeze is committed; alex and vgg are written at test time (see {@link GeneratedExports}).
     * Inputs are images in [−1, 1], the card's input range, so the map applies no rescaling.
     */
    @ParameterizedTest
    @ValueSource(strings = {"squeeze", "alex", "vgg"})
    void lpipsFeatureMapReproducesPyTorch(String trunk) {
        Path folder =
                GeneratedExports.LPIPS_TRUNKS.contains(trunk)
                        ? GeneratedExports.lpips(trunk)
                        : dir("lpips-" + trunk);
        Path card = folder.resolve("feature-map-card.json");
        NpyArray x = Npy.read(folder.resolve("inputs_x.npy"));
        NpyArray y = Npy.read(folder.resolve("inputs_y.npy"));
        NpyArray phiX = Npy.read(folder.resolve("outputs_x.npy"));
        NpyArray lpips = Npy.read(folder.resolve("outputs_lpips.npy"));
        try (TorchScriptFeatureMap phi =
                        TorchScriptFeatureMap.load(card, new double[] {-1, 1}, Device.cpu());
                NDManager m = NDManager.newBaseManager("PyTorch");
                NoGrad noGrad = new NoGrad()) {
            assertEquals("lpips-" + trunk, phi.name());
            NDArray fx = phi.apply(m, image(m, x), false);
            NDArray fy = phi.apply(m, image(m, y), false);
            float[] got = fx.toFloatArray();
            double phiAtol = Float32Bound.atol("lpips-" + trunk, phiX.data());
            double lpipsAtol = Float32Bound.atol("lpips-" + trunk, lpips.data());
            assertEquals(phiX.data().length, got.length, trunk + " feature count");
            for (int i = 0; i < got.length; i++) {
                int index = i; // the message is built only on failure: vgg has 3.4 M features
                assertEquals(phiX.data()[i], got[i], phiAtol, () -> trunk + " phi[" + index + "]");
            }
            float[] d = fx.sub(fy).square().sum(new int[] {1}).toFloatArray();
            assertEquals(lpips.data().length, d.length, trunk + " batch size");
            for (int b = 0; b < d.length; b++) {
                assertEquals(lpips.data()[b], d[b], lpipsAtol, trunk + " LPIPS[" + b + "]");
            }
        }
    }

    private static NDArray image(NDManager m, NpyArray a) {
        float[] data = new float[a.data().length];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) a.data()[i];
        }
        int[] s = a.shape();
        return m.create(data, new ai.djl.ndarray.types.Shape(s[0], s[1], s[2], s[3]));
    }
}
