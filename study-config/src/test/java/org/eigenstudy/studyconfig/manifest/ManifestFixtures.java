package org.eigenstudy.studyconfig.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.eigenstudy.studyconfig.model.Exploration;
import org.eigenstudy.studyconfig.model.ImageDistance;
import org.eigenstudy.studyconfig.model.ImageFormat;

/** A small but complete manifest: one model, two references, one axis of each class. */
final class ManifestFixtures {
    static final List<Double> STEPS = List.of(-2.5, 0.0, 2.5);

    private ManifestFixtures() {}

    static StimulusManifest manifest() {
        List<ManifestAxis> axes = new ArrayList<>();
        axes.add(axis(AxisClass.TOP, 1, 1.25, List.of(1.0, 0.0, 0.0, 0.0)));
        axes.add(axis(AxisClass.ORTHOGONAL, 1, null, List.of(0.0, 0.6, 0.8, 0.0)));
        axes.add(axis(AxisClass.BOTTOM, 1, 1.0e-7, List.of(0.0, 0.0, 0.0, 1.0)));
        ManifestModel model =
                new ManifestModel(
                        "demo",
                        "z",
                        hash('c'),
                        Exploration.LINEAR,
                        2.5,
                        STEPS,
                        ImageDistance.MSE,
                        List.of(
                                new ManifestReference(0, List.of(0.1, -0.2, 0.3, 1.5)),
                                new ManifestReference(1, List.of(-1.0, 0.25, 0.0, 2.0e-3))),
                        axes);
        return new StimulusManifest(
                StimulusManifest.SCHEMA,
                "demo",
                hash('a'),
                new GeneratedBy(
                        "eigenstudy-geometry", "0.1.0", Map.of("engine", "djl", "device", "cpu")),
                List.of(model));
    }

    static ManifestAxis axis(AxisClass axisClass, int rank, Double eigenvalue, List<Double> v) {
        List<ManifestStrip> strips = new ArrayList<>();
        for (int reference = 0; reference < 2; reference++) {
            List<ManifestFrame> frames = new ArrayList<>();
            for (int f = 0; f < STEPS.size(); f++) {
                String path =
                        ManifestFrame.pathFor(
                                "demo", axisClass, rank, reference, f, ImageFormat.PNG);
                frames.add(new ManifestFrame(STEPS.get(f), path, hash((char) ('0' + f))));
            }
            strips.add(new ManifestStrip(reference, List.of(0.03125, 0.0, 0.0625), frames));
        }
        double alpha = eigenvalue == null ? 0.5 : eigenvalue;
        return new ManifestAxis(
                ManifestAxis.idFor("demo", "z", axisClass, rank),
                axisClass,
                rank,
                eigenvalue,
                alpha,
                v,
                strips);
    }

    static String hash(char digit) {
        return String.valueOf(digit).repeat(64);
    }
}
