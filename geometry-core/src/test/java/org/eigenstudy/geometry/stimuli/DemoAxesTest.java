package org.eigenstudy.geometry.stimuli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eigenstudy.studyconfig.manifest.ManifestAxis;
import org.eigenstudy.studyconfig.manifest.ManifestModel;
import org.eigenstudy.studyconfig.manifest.ManifestStrip;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The property the human study rests on, on the committed demo generator: images change most along
 * top eigenvectors, less along random directions orthogonal to the top eigenspace, least along
 * bottom eigenvectors (mean per-frame image distance over all strips of a class).
 */
class DemoAxesTest {
    static final Path DEMO_CARD = Path.of("models/demo/model-card.json");

    @TempDir Path dir;

    @Test
    void meanFrameDistanceOfTopExceedsOrthogonalExceedsBottom() throws IOException {
        String yaml =
                """
                study: {slug: demo-axes, title: "Demo axes"}
                models:
                  - id: demo
                    card: %s
                    space: z
                    stimuli:
                      hessian: {points: 3, method: exact, distance: mse}
                      axes: {top: 4, orthogonal: 4, orthogonal_exclude_top: 10, bottom: 4}
                      references: 3
                      frames: 5
                      distance: 2.5
                      seed: 1
                """
                        .formatted(DEMO_CARD.toAbsolutePath());
        Path config = dir.resolve("demo-axes.yaml");
        Files.writeString(config, yaml);
        ManifestModel model = Studies.render(config, dir.resolve("out"));

        Map<AxisClass, Double> mean = new TreeMap<>();
        for (AxisClass c : AxisClass.values()) {
            mean.put(c, meanDistance(model, c));
        }
        assertTrue(
                mean.get(AxisClass.TOP) > mean.get(AxisClass.ORTHOGONAL)
                        && mean.get(AxisClass.ORTHOGONAL) > mean.get(AxisClass.BOTTOM),
                "mean frame distance by class: " + mean);
    }

    private static double meanDistance(ManifestModel model, AxisClass c) {
        double sum = 0;
        int n = 0;
        for (ManifestAxis axis : model.axes()) {
            if (axis.axisClass() != c) {
                continue;
            }
            for (ManifestStrip strip : axis.strips()) {
                for (double d : strip.frameDistances()) {
                    sum += d;
                    n++;
                }
            }
        }
        return sum / n;
    }
}
