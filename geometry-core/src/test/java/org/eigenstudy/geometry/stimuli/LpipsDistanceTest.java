package org.eigenstudy.geometry.stimuli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eigenstudy.geometry.Fixtures;
import org.eigenstudy.geometry.distance.TorchScriptFeatureMap;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.geometry.model.NoGrad;
import org.eigenstudy.studyconfig.manifest.ManifestAxis;
import org.eigenstudy.studyconfig.manifest.ManifestModel;
import org.eigenstudy.studyconfig.manifest.ManifestStrip;
import org.eigenstudy.studyconfig.model.ImageDistance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code distance: lpips} the frame distances are ‖φ(G(z0 + t·v)) − φ(G(z0))‖² of the named
 * feature map: recomputed here from the manifest's own reference code, vector and steps, through
 * the feature map loaded on its own.
 */
class LpipsDistanceTest {
    @TempDir Path dir;

    @Test
    void frameDistancesAreTheFeatureMapDistancesOfTheManifestCodes() throws IOException {
        String block =
                "hessian: {points: 2, method: exact, distance: lpips, feature_map: "
                        + Fixtures.dir("tinyfeat").resolve("feature-map-card.json").toAbsolutePath()
                        + "}\naxes: {top: 1, orthogonal: 1, orthogonal_exclude_top: 2, bottom: 1}\n"
                        + "references: 2\nframes: 5\ndistance: 1.5\nseed: 3\n";
        Path config = Studies.write(dir, "conv16", "z", block);
        ManifestModel model = Studies.render(config, dir.resolve("out"));
        assertEquals(ImageDistance.LPIPS, model.imageDistance());

        ModelCard card = ModelCard.read(Fixtures.card("conv16"));
        try (Generator g = Generator.open(card, "z", DeviceChoice.CPU);
                TorchScriptFeatureMap phi =
                        TorchScriptFeatureMap.load(
                                Fixtures.dir("tinyfeat").resolve("feature-map-card.json"),
                                card.valueRange(),
                                g.device())) {
            for (ManifestAxis axis : model.axes()) {
                for (ManifestStrip strip : axis.strips()) {
                    List<Double> z0 = model.references().get(strip.reference()).code();
                    double[] expected = distances(g, phi, z0, axis.vector(), model.steps());
                    for (int f = 0; f < expected.length; f++) {
                        assertEquals(
                                expected[f],
                                strip.frameDistances().get(f),
                                1e-4 * expected[expected.length - 1] + 1e-12,
                                axis.id() + " frame " + f);
                    }
                }
            }
        }
    }

    private static double[] distances(
            Generator g,
            TorchScriptFeatureMap phi,
            List<Double> z0,
            List<Double> v,
            List<Double> t) {
        float[][] codes = new float[t.size()][z0.size()];
        for (int f = 0; f < t.size(); f++) {
            for (int i = 0; i < z0.size(); i++) {
                codes[f][i] = (float) (z0.get(i) + t.get(f) * v.get(i));
            }
        }
        try (NDManager manager = g.newManager();
                NoGrad noGrad = new NoGrad()) {
            NDArray features =
                    phi.apply(manager, g.forward(manager, manager.create(codes), false), false);
            float[] flat = features.toFloatArray();
            int per = flat.length / codes.length;
            int mid = codes.length / 2;
            double[] d = new double[codes.length];
            for (int f = 0; f < codes.length; f++) {
                for (int k = 0; k < per; k++) {
                    double diff = (double) flat[f * per + k] - flat[mid * per + k];
                    d[f] += diff * diff;
                }
            }
            return d;
        }
    }
}
