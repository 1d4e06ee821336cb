package org.eigenstudy.geometry.stimuli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eigenstudy.geometry.Fixtures;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.directions.DirectionSet;
import org.eigenstudy.geometry.directions.RandomDirections;
import org.eigenstudy.geometry.directions.Sefa;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.geometry.stimuli.frames.FramePath;
import org.eigenstudy.geometry.stimuli.render.StepMatcher;
import org.eigenstudy.studyconfig.manifest.ManifestAxis;
import org.eigenstudy.studyconfig.manifest.ManifestModel;
import org.eigenstudy.studyconfig.manifest.ManifestStrip;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.eigenstudy.studyconfig.manifest.StimulusManifest;
import org.eigenstudy.studyconfig.manifest.StimulusManifests;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other methods' directions as study axes and perceptually matched steps (issue #19): a method
 * study's manifest validates and has each class's count, order and labels; SeFa, random and
 * imported axes are the vectors those methods give on their own; matched strips end at the target
 * image distance with frames at equal image-distance steps, measured here by rendering the recorded
 * codes and taking the pixel MSE directly; runs repeat byte for byte; bad inputs are one-line
 * errors.
 */
class MethodStimuliTest {
    private static final Path DEMO_CARD = Path.of("models/demo/model-card.json").toAbsolutePath();

    @TempDir Path dir;

    private static final String METHOD_STIMULI =
            """
              hessian: {points: 2, method: exact, distance: mse}
              axes: {top: 1, orthogonal: 1, orthogonal_exclude_top: 2, bottom: 0, sefa: 2, random: 2, imported: 2}
              directions: {imported: mine.csv}
              references: 2
              frames: 3
              distance: 2.0
              image: {size: 16, format: png}
              seed: 5
            """;

    private Path importedCsv(int rows, int dim) throws Exception {
        StringBuilder csv = new StringBuilder("# two hand-made directions\n");
        for (int r = 0; r < rows; r++) {
            csv.append("dir").append(r == 0 ? "-smile" : "-" + r);
            for (int i = 0; i < dim; i++) {
                csv.append(",").append(i == r ? 2.0 : 0.0);
            }
            csv.append('\n');
        }
        Path file = dir.resolve("mine.csv");
        Files.writeString(file, csv.toString());
        return file;
    }

    /** METHOD_STIMULI on the 16-d fixture, with a design over exactly its classes. */
    private Path methodStudy() throws Exception {
        Path config = Studies.write(dir, "conv16", "z", METHOD_STIMULI);
        Files.writeString(
                config,
                Files.readString(config)
                        + "design:\n  axis_classes: [top, orthogonal, sefa, random, imported]\n");
        return config;
    }

    @Test
    void aMethodStudyHasEachClassWithTheMethodsOwnVectors() throws Exception {
        Path csv = importedCsv(3, 16);
        Path config = methodStudy();
        Path out = dir.resolve("out");
        ManifestModel model = Studies.render(config, out);
        StimulusManifest manifest = StimulusManifests.read(out.resolve("manifest.json"));
        assertEquals(List.of(), StimulusManifests.validate(manifest));

        List<AxisClass> classes = model.axes().stream().map(ManifestAxis::axisClass).toList();
        assertEquals(
                List.of(
                        AxisClass.TOP,
                        AxisClass.ORTHOGONAL,
                        AxisClass.SEFA,
                        AxisClass.SEFA,
                        AxisClass.RANDOM,
                        AxisClass.RANDOM,
                        AxisClass.IMPORTED,
                        AxisClass.IMPORTED),
                classes);
        assertEquals("conv-z-sefa-02", model.axes().get(3).id());
        assertEquals("dir-smile", model.axes().get(6).label());
        assertEquals("dir-1", model.axes().get(7).label());
        assertNull(model.axes().get(2).label(), "only imported axes carry a label");
        assertNull(model.axes().get(2).eigenvalue());

        // SeFa: Sefa of the module's first latent weight, read here by name.
        ModelCard card = ModelCard.read(Fixtures.card("conv16"));
        DirectionSet sefa;
        try (Generator g = Generator.open(card, "z", DeviceChoice.CPU)) {
            String name =
                    g.parameterNames().stream()
                            .filter(n -> n.endsWith("weight"))
                            .findFirst()
                            .orElseThrow();
            NpyArray w = g.parameter(name).orElseThrow();
            sefa = Sefa.directions(Sefa.latentMap(w.shape(), w.data(), 16, name), 2, List.of(name));
        }
        DirectionSet random = RandomDirections.draw(16, 2, 5);
        double[] h = Npy.read(out.resolve(".work/conv/average-hessian.npy")).data();
        for (int k = 0; k < 2; k++) {
            assertVector(sefa.directions().get(k).vector(), model.axes().get(2 + k), h);
            assertVector(random.directions().get(k).vector(), model.axes().get(4 + k), h);
            double[] e = new double[16];
            e[k] = 1;
            assertVector(e, model.axes().get(6 + k), h);
        }
        var details = manifest.generatedBy().details();
        assertTrue(details.get("conv.sefa").contains("weights"), details.toString());
        assertTrue(details.get("conv.imported").contains(Sha256.of(csv)), details.toString());
        assertTrue(details.get("conv.random").contains("seed 5"), details.toString());

        // Fixed steps: nothing of matched steps is written.
        assertNull(model.matchedImageDistance());
        assertEquals(FramePath.steps(2.0, 3)[0], model.steps().get(0), "latent steps as before");
        assertNull(model.axes().get(0).strips().get(0).latentSteps());

        // A new imported file under the same name is new work: the axes follow its content.
        Files.writeString(csv, Files.readString(csv).replace("dir-smile,2.0", "dir-smile,-2.0"));
        ManifestModel again = Studies.render(config, out);
        assertEquals(-1.0, again.axes().get(6).vector().get(0), 0);
    }

    private static void assertVector(double[] expected, ManifestAxis axis, double[] h) {
        double[] got = axis.vector().stream().mapToDouble(Double::doubleValue).toArray();
        assertArrayEquals(expected, got, 1e-9, axis.id());
        // α = vᵀHv for a unit v, summed here over the work folder's average metric.
        int n = expected.length;
        double alpha = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                alpha += expected[i] * h[i * n + j] * expected[j];
            }
        }
        assertEquals(alpha, axis.alpha(), 1e-9 * Math.abs(alpha) + 1e-15, axis.id());
    }

    private Path demoStudy(Path folder, String axes, String classes, double distance, double target)
            throws Exception {
        String yaml =
                "study:\n  slug: matched\n  title: \"Matched\"\nmodels:\n  - id: demo\n"
                        + "    card: "
                        + DEMO_CARD
                        + "\n    space: z\n    stimuli:\n"
                        + ("hessian: {points: 2, method: exact, distance: mse}\n"
                                        + "axes: "
                                        + axes
                                        + "\nreferences: 2\nframes: 5\ndistance: "
                                        + distance
                                        + "\nmatched_steps: {image_distance: "
                                        + target
                                        + "}\nimage: {size: 32, format: png}\nseed: 3\n")
                                .indent(6)
                        + "design:\n  axis_classes: ["
                        + classes
                        + "]\n";
        Files.createDirectories(folder);
        Path file = folder.resolve("study.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void matchedStripsEndAtTheTargetAtEqualImageSteps() throws Exception {
        double target = 0.02;
        Path config =
                demoStudy(
                        dir,
                        "{top: 1, orthogonal: 0, bottom: 0, ganspace: 1, sefa: 1, random: 1}",
                        "top, ganspace, sefa, random",
                        12,
                        target);
        Path out = dir.resolve("out");
        ManifestModel model = Studies.render(config, out);
        StimulusManifest manifest = StimulusManifests.read(out.resolve("manifest.json"));
        assertEquals(List.of(), StimulusManifests.validate(manifest));
        assertEquals(target, model.matchedImageDistance());
        assertEquals(List.of(-0.02, -0.01, 0.0, 0.01, 0.02), model.steps());

        ModelCard card = ModelCard.read(DEMO_CARD);
        try (Generator g = Generator.open(card, "z", DeviceChoice.CPU)) {
            for (ManifestAxis axis : model.axes()) {
                double[] v = axis.vector().stream().mapToDouble(Double::doubleValue).toArray();
                for (ManifestStrip strip : axis.strips()) {
                    List<Double> t = strip.latentSteps();
                    assertEquals(0.0, t.get(2), 0);
                    for (int f = 1; f < t.size(); f++) {
                        assertTrue(t.get(f) > t.get(f - 1), axis.id() + " ascending: " + t);
                    }
                    List<Double> z0 = model.references().get(strip.reference()).code();
                    float[][] codes = new float[t.size()][64];
                    for (int f = 0; f < t.size(); f++) {
                        for (int i = 0; i < z0.size(); i++) {
                            codes[f][i] = (float) (z0.get(i) + t.get(f) * v[i]);
                        }
                    }
                    float[][] images = g.images(codes);
                    for (int f = 0; f < t.size(); f++) {
                        double mse = 0;
                        for (int p = 0; p < images[f].length; p++) {
                            double d = (double) images[f][p] - images[2][p];
                            mse += d * d / images[f].length;
                        }
                        double want = Math.abs(model.steps().get(f));
                        // Searched to 0.1 % of the target; a re-render differs by float noise.
                        double slack = StepMatcher.TOLERANCE * target + 1e-6;
                        String at = axis.id() + " r" + strip.reference() + " frame " + f;
                        assertEquals(want, mse, slack, at + " (independent MSE)");
                        assertEquals(want, strip.frameDistances().get(f), slack, at);
                    }
                }
            }
        }
        assertEquals(
                4,
                model.axes().stream().map(ManifestAxis::axisClass).distinct().count(),
                "top, ganspace, sefa, random");
        assertTrue(manifest.generatedBy().details().get("demo.ganspace").contains("features_z.pt"));

        // The same spec and seed in a fresh folder: the same bytes.
        Path second = dir.resolve("second");
        Studies.render(config, second);
        assertEquals(
                Files.readString(out.resolve("manifest.json")),
                Files.readString(second.resolve("manifest.json")));
        for (ManifestAxis axis : model.axes()) {
            for (var frame : axis.strips().get(1).frames()) {
                assertArrayEquals(
                        Files.readAllBytes(out.resolve(frame.path())),
                        Files.readAllBytes(second.resolve(frame.path())),
                        frame.path());
            }
        }
    }

    @Test
    void aTargetASideNeverReachesIsAOneLineError() throws Exception {
        Path config = demoStudy(dir, "{top: 1, orthogonal: 0, bottom: 0}", "top", 0.05, 0.02);
        GeometryException e =
                assertThrows(
                        GeometryException.class, () -> Studies.render(config, dir.resolve("o")));
        String m = e.getMessage();
        assertTrue(m.startsWith("model demo axis demo-z-top-01 reference 0: on the "), m);
        assertTrue(m.contains("reaches only") && m.contains("raise stimuli.distance"), m);
        assertEquals(1, m.lines().count(), m);
    }

    @Test
    void importedFilesThatDoNotFitAndGanspaceWithoutFeaturesArePlanningErrors() throws Exception {
        Path config = methodStudy();
        importedCsv(1, 16);
        InvalidSpecException few =
                assertThrows(
                        InvalidSpecException.class,
                        () -> SpecValidator.plan(Studies.parse(config)));
        assertTrue(
                few.getMessage().contains("holds 1 directions; set imported to at most 1"),
                few.getMessage());

        importedCsv(2, 5);
        InvalidSpecException size =
                assertThrows(
                        InvalidSpecException.class,
                        () -> SpecValidator.plan(Studies.parse(config)));
        assertTrue(
                size.getMessage().contains("has 5 values; the latent space has 16"),
                size.getMessage());

        Path ganspace =
                Studies.write(
                        dir.resolve("g"),
                        "conv16",
                        "z",
                        Studies.SMALL_STIMULI.replace("bottom: 2}", "bottom: 2, ganspace: 2}"));
        InvalidSpecException none =
                assertThrows(
                        InvalidSpecException.class,
                        () -> SpecValidator.plan(Studies.parse(ganspace)));
        assertTrue(
                none.getMessage().contains("stimuli.axes.ganspace: model card ")
                        && none.getMessage().contains("names no features module"),
                none.getMessage());
    }
}
