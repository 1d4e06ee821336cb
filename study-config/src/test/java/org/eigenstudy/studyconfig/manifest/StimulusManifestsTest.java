package org.eigenstudy.studyconfig.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StimulusManifestsTest {

    @Test
    void writeThenReadGivesAnEqualManifestAndIdenticalBytes(@TempDir Path dir) throws IOException {
        StimulusManifest manifest = ManifestFixtures.manifest();
        Path first = dir.resolve("a/manifest.json");
        Path second = dir.resolve("b/manifest.json");

        StimulusManifests.write(manifest, first);
        StimulusManifest read = StimulusManifests.read(first);
        StimulusManifests.write(read, second);

        assertEquals(manifest, read);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        try (var listing = Files.list(first.getParent())) {
            assertEquals(List.of(first), listing.toList(), "no temporary file left behind");
        }
    }

    @Test
    void outputUsesTheContractsSnakeCaseKeysInContractOrder() throws ManifestException {
        String json = StimulusManifests.toJson(ManifestFixtures.manifest());

        assertTrue(json.startsWith("{\n  \"schema\" : \"eigenstudy-manifest/1\",\n"), json);
        assertTrue(json.endsWith("}\n"));
        assertTrue(!json.contains("\r"));
        List<String> order =
                List.of(
                        "\"schema\"",
                        "\"study\"",
                        "\"config_sha256\"",
                        "\"generated_by\"",
                        "\"models\"",
                        "\"id\"",
                        "\"space\"",
                        "\"card_sha256\"",
                        "\"exploration\"",
                        "\"distance\"",
                        "\"steps\"",
                        "\"image_distance\"",
                        "\"references\"",
                        "\"axes\"",
                        "\"class\" : \"top\"",
                        "\"rank\"",
                        "\"eigenvalue\"",
                        "\"alpha\"",
                        "\"vector\"",
                        "\"strips\"",
                        "\"reference\"",
                        "\"frame_distances\"",
                        "\"frames\"",
                        "\"step\"",
                        "\"path\" : \"demo/top-01/r0-f0.png\"",
                        "\"sha256\"");
        int at = -1;
        for (String key : order) {
            int next = json.indexOf(key, at + 1);
            assertTrue(next > at, key + " after the previous key in\n" + json);
            at = next;
        }
        // Details are sorted by key whatever order the caller's map had.
        assertTrue(json.indexOf("\"device\"") < json.indexOf("\"engine\""));
        assertTrue(
                json.contains("\"eigenvalue\" : null"), "orthogonal axes keep a null eigenvalue");
    }

    @Test
    void axisIdsAndFramePathsFollowTheContract() {
        assertEquals("demo-z-top-01", ManifestAxis.idFor("demo", "z", AxisClass.TOP, 1));
        assertEquals(
                "biggan-noise-orthogonal-10",
                ManifestAxis.idFor("biggan", "noise", AxisClass.ORTHOGONAL, 10));
        assertEquals(
                "demo/top-01/r0-f0.png",
                ManifestFrame.pathFor(
                        "demo",
                        AxisClass.TOP,
                        1,
                        0,
                        0,
                        org.eigenstudy.studyconfig.model.ImageFormat.PNG));
    }

    @Test
    void readRejectsUnknownAndMissingFields() {
        String json = toJsonUnchecked();
        ManifestException unknown =
                rejected(json.replaceFirst("\"study\"", "\"color\" : 1,\n  \"study\""));
        assertTrue(unknown.problems().get(0).contains("\"color\""), unknown.getMessage());

        String hashLine = "\"config_sha256\" : \"" + "a".repeat(64) + "\",";
        ManifestException missing = rejected(json.replace(hashLine, ""));
        assertTrue(missing.problems().get(0).contains("config_sha256"), missing.getMessage());

        ManifestException badEnum =
                rejected(json.replace("\"class\" : \"top\"", "\"class\" : \"middle\""));
        assertTrue(badEnum.getMessage().contains("middle"), badEnum.getMessage());
    }

    private static ManifestException rejected(String json) {
        return assertThrows(
                ManifestException.class, () -> StimulusManifests.fromJson(json, "m.json"));
    }

    @Test
    void aMatchedStepsManifestWithMethodAxesRoundTripsAndItsLatentStepsAreChecked()
            throws ManifestException {
        ManifestModel base = ManifestFixtures.manifest().models().get(0);
        List<ManifestAxis> axes = new ArrayList<>();
        for (ManifestAxis axis : base.axes()) {
            axes.add(withLatentSteps(axis, List.of(-3.0, 0.0, 1.5)));
        }
        ManifestAxis imported =
                ManifestFixtures.axis(AxisClass.IMPORTED, 1, null, axes.get(0).vector());
        axes.add(
                withLatentSteps(
                        new ManifestAxis(
                                ManifestAxis.idFor("demo", "z", AxisClass.IMPORTED, 1),
                                AxisClass.IMPORTED,
                                1,
                                "smile",
                                null,
                                0.5,
                                imported.vector(),
                                imported.strips()),
                        List.of(-0.5, 0.0, 0.25)));
        ManifestModel matched = matchedModel(base, 0.05, axes);
        StimulusManifest manifest = withModel(matched);
        String json = StimulusManifests.toJson(manifest);
        assertTrue(json.contains("\"matched_image_distance\" : 0.05"), json);
        assertTrue(json.contains("\"label\" : \"smile\""), json);
        assertEquals(manifest, StimulusManifests.fromJson(json, "m.json"));

        List<ManifestAxis> descending = new ArrayList<>(axes);
        descending.set(0, withLatentSteps(axes.get(0), List.of(1.0, 0.0, 2.0)));
        assertTrue(
                StimulusManifests.validate(withModel(matchedModel(base, 0.05, descending)))
                        .contains(
                                "models[0].axes[0].strips[0].latent_steps: must be finite and"
                                        + " strictly ascending"));
        assertTrue(
                StimulusManifests.validate(withModel(matchedModel(base, null, axes)))
                        .contains(
                                "models[0].axes[0].strips[0].latent_steps: is only for matched"
                                        + " steps (matched_image_distance)"));
    }

    private static ManifestAxis withLatentSteps(ManifestAxis axis, List<Double> latent) {
        List<ManifestStrip> strips = new ArrayList<>();
        for (ManifestStrip s : axis.strips()) {
            strips.add(new ManifestStrip(s.reference(), s.frameDistances(), latent, s.frames()));
        }
        return new ManifestAxis(
                axis.id(),
                axis.axisClass(),
                axis.rank(),
                axis.label(),
                axis.eigenvalue(),
                axis.alpha(),
                axis.vector(),
                strips);
    }

    private static ManifestModel matchedModel(
            ManifestModel m, Double target, List<ManifestAxis> axes) {
        return new ManifestModel(
                m.id(),
                m.space(),
                m.cardSha256(),
                m.exploration(),
                m.distance(),
                m.steps(),
                target,
                m.imageDistance(),
                m.references(),
                axes);
    }

    @Test
    void readOfAMissingFileNamesIt(@TempDir Path dir) {
        Path file = dir.resolve("manifest.json");
        ManifestException error =
                assertThrows(ManifestException.class, () -> StimulusManifests.read(file));
        assertEquals(List.of("(file): no such file"), error.problems());
        assertTrue(error.getMessage().startsWith(file.toString()));
    }

    @Test
    void validManifestHasNoProblems() {
        assertEquals(List.of(), StimulusManifests.validate(ManifestFixtures.manifest()));
    }

    @Test
    void schemaMustBeVersionOne() {
        StimulusManifest m = ManifestFixtures.manifest();
        assertEquals(
                List.of("schema: must be \"eigenstudy-manifest/1\", got \"eigenstudy-manifest/2\""),
                StimulusManifests.validate(
                        new StimulusManifest(
                                "eigenstudy-manifest/2",
                                m.study(),
                                m.configSha256(),
                                m.generatedBy(),
                                m.models())));
    }

    @Test
    void checksumsMustBeSha256Hex() {
        StimulusManifest m = ManifestFixtures.manifest();
        assertEquals(
                List.of("config_sha256: must be 64 lower-case hex digits (SHA-256), got \"ABC\""),
                StimulusManifests.validate(
                        new StimulusManifest(
                                m.schema(), m.study(), "ABC", m.generatedBy(), m.models())));
    }

    @Test
    void framesAndDistancesMatchTheSteps() {
        ManifestModel model = ManifestFixtures.manifest().models().get(0);
        ManifestModel fewerSteps =
                rebuild(model, List.of(-2.5, 2.5), model.references(), model.axes().subList(0, 1));
        List<String> problems = StimulusManifests.validate(withModel(fewerSteps));
        assertEquals(
                List.of(
                        "models[0].axes[0].strips[0].frame_distances: must have one value per step (2)",
                        "models[0].axes[0].strips[0].frames: must have one frame per step (2)",
                        "models[0].axes[0].strips[1].frame_distances: must have one value per step (2)",
                        "models[0].axes[0].strips[1].frames: must have one frame per step (2)"),
                problems);
    }

    @Test
    void stepsAscendAndFramesRepeatThem() {
        ManifestModel model = ManifestFixtures.manifest().models().get(0);
        ManifestModel shuffled =
                rebuild(
                        model,
                        List.of(-2.5, 0.5, 2.5),
                        model.references(),
                        model.axes().subList(0, 1));
        assertEquals(
                List.of(
                        "models[0].axes[0].strips[0].frames[1].step: must equal steps[1] = 0.5, got 0.0",
                        "models[0].axes[0].strips[1].frames[1].step: must equal steps[1] = 0.5, got 0.0"),
                StimulusManifests.validate(withModel(shuffled)));
        ManifestModel descending =
                rebuild(model, List.of(2.5, 0.0, -2.5), model.references(), List.of());
        assertEquals(
                List.of(
                        "models[0].steps: must be strictly ascending",
                        "models[0].axes: must list at least one axis"),
                StimulusManifests.validate(withModel(descending)));
    }

    @Test
    void idsPathsAndRanksAreUnique() {
        ManifestModel model = ManifestFixtures.manifest().models().get(0);
        List<ManifestAxis> axes = new ArrayList<>(model.axes());
        axes.add(model.axes().get(0));
        List<String> problems = StimulusManifests.validate(withModel(replaceAxes(model, axes)));
        assertEquals("models[0].axes[3].id: duplicate axis id 'demo-z-top-01'", problems.get(0));
        assertEquals("models[0].axes[3]: duplicate top rank 1", problems.get(1));
        assertTrue(
                problems.get(2)
                        .startsWith(
                                "models[0].axes[3].strips[0].frames[0].path: duplicate file path"),
                problems.toString());
    }

    @Test
    void vectorsMatchCodeLengthAndTopAxesHaveEigenvalues() {
        ManifestModel model = ManifestFixtures.manifest().models().get(0);
        ManifestAxis top = model.axes().get(0);
        ManifestAxis broken =
                new ManifestAxis(
                        top.id(),
                        top.axisClass(),
                        top.rank(),
                        null,
                        Double.NaN,
                        List.of(1.0, 0.0),
                        top.strips());
        assertEquals(
                List.of(
                        "models[0].axes[0].eigenvalue: is required for top axes",
                        "models[0].axes[0].alpha: must be finite",
                        "models[0].axes[0].vector: has 2 values but reference codes have 4"),
                StimulusManifests.validate(withModel(replaceAxes(model, List.of(broken)))));
    }

    @Test
    void pathsStayInsideTheStimuliFolder() {
        ManifestModel model = ManifestFixtures.manifest().models().get(0);
        ManifestAxis top = model.axes().get(0);
        ManifestStrip strip = top.strips().get(0);
        List<ManifestFrame> frames = new ArrayList<>(strip.frames());
        frames.set(0, new ManifestFrame(-2.5, "../etc/passwd", ManifestFixtures.hash('0')));
        frames.set(1, new ManifestFrame(0.0, "/abs.png", ManifestFixtures.hash('0')));
        ManifestAxis escaped =
                new ManifestAxis(
                        top.id(),
                        top.axisClass(),
                        top.rank(),
                        top.eigenvalue(),
                        top.alpha(),
                        top.vector(),
                        List.of(new ManifestStrip(0, strip.frameDistances(), frames)));
        List<String> problems =
                StimulusManifests.validate(withModel(replaceAxes(model, List.of(escaped))));
        assertEquals(
                List.of(
                        "models[0].axes[0].strips[0].frames[0].path: must be a relative '/'-separated"
                                + " path inside the stimuli folder, got \"../etc/passwd\"",
                        "models[0].axes[0].strips[0].frames[1].path: must be a relative '/'-separated"
                                + " path inside the stimuli folder, got \"/abs.png\""),
                problems);
    }

    @Test
    void referencesAreIndexedByPositionAndStripsUseThem() {
        ManifestModel model = ManifestFixtures.manifest().models().get(0);
        ManifestAxis top = model.axes().get(0);
        ManifestStrip strip = top.strips().get(0);
        ManifestAxis dangling =
                new ManifestAxis(
                        top.id(),
                        top.axisClass(),
                        top.rank(),
                        top.eigenvalue(),
                        top.alpha(),
                        top.vector(),
                        List.of(new ManifestStrip(7, strip.frameDistances(), strip.frames())));
        ManifestModel renumbered =
                rebuild(
                        model,
                        model.steps(),
                        List.of(new ManifestReference(3, model.references().get(0).code())),
                        List.of(dangling));
        assertEquals(
                List.of(
                        "models[0].references[0].index: must be 0 (its position), got 3",
                        "models[0].axes[0].strips[0].reference: must index the model's references"
                                + " (0..0), got 7"),
                StimulusManifests.validate(withModel(renumbered)));
    }

    @Test
    void writeRefusesAnInvalidManifest(@TempDir Path dir) {
        StimulusManifest m = ManifestFixtures.manifest();
        StimulusManifest noModels =
                new StimulusManifest(
                        m.schema(), m.study(), m.configSha256(), m.generatedBy(), List.of());
        Path file = dir.resolve("manifest.json");
        ManifestException error =
                assertThrows(
                        ManifestException.class, () -> StimulusManifests.write(noModels, file));
        assertEquals(List.of("models: must list at least one model"), error.problems());
        assertTrue(Files.notExists(file));
    }

    @Test
    void verifyFilesFindsMissingAndChangedImages(@TempDir Path dir) throws IOException {
        StimulusManifest m = ManifestFixtures.manifest();
        // The fixture's hashes are made up; rebuild it from real files with their real hashes.
        List<ManifestAxis> axes = new ArrayList<>();
        for (ManifestAxis axis : m.models().get(0).axes()) {
            List<ManifestStrip> strips = new ArrayList<>();
            for (ManifestStrip strip : axis.strips()) {
                List<ManifestFrame> frames = new ArrayList<>();
                for (ManifestFrame frame : strip.frames()) {
                    byte[] bytes = frame.path().getBytes(StandardCharsets.UTF_8);
                    Path file = dir.resolve(frame.path());
                    Files.createDirectories(file.getParent());
                    Files.write(file, bytes);
                    frames.add(new ManifestFrame(frame.step(), frame.path(), Sha256.of(bytes)));
                }
                strips.add(new ManifestStrip(strip.reference(), strip.frameDistances(), frames));
            }
            axes.add(
                    new ManifestAxis(
                            axis.id(),
                            axis.axisClass(),
                            axis.rank(),
                            axis.eigenvalue(),
                            axis.alpha(),
                            axis.vector(),
                            strips));
        }
        StimulusManifest real = withModel(replaceAxes(m.models().get(0), axes));
        assertEquals(List.of(), StimulusManifests.verifyFiles(real, dir));

        Files.delete(dir.resolve("demo/top-01/r0-f0.png"));
        Files.writeString(dir.resolve("demo/bottom-01/r1-f2.png"), "changed");
        assertEquals(
                List.of(
                        "demo/top-01/r0-f0.png: file is missing",
                        "demo/bottom-01/r1-f2.png: SHA-256 differs from the manifest"),
                StimulusManifests.verifyFiles(real, dir));
    }

    @Test
    void generatedByDetailsAreSortedAndOptional() {
        assertEquals(
                List.of("a", "b"),
                List.copyOf(
                        new GeneratedBy("t", "1", Map.of("b", "2", "a", "1")).details().keySet()));
        assertEquals(Map.of(), new GeneratedBy("t", "1", null).details());
    }

    private static StimulusManifest withModel(ManifestModel model) {
        StimulusManifest m = ManifestFixtures.manifest();
        return new StimulusManifest(
                m.schema(), m.study(), m.configSha256(), m.generatedBy(), List.of(model));
    }

    private static ManifestModel replaceAxes(ManifestModel model, List<ManifestAxis> axes) {
        return rebuild(model, model.steps(), model.references(), axes);
    }

    private static ManifestModel rebuild(
            ManifestModel model,
            List<Double> steps,
            List<ManifestReference> references,
            List<ManifestAxis> axes) {
        return new ManifestModel(
                model.id(),
                model.space(),
                model.cardSha256(),
                model.exploration(),
                model.distance(),
                steps,
                model.imageDistance(),
                references,
                axes);
    }

    private static String toJsonUnchecked() {
        try {
            return StimulusManifests.toJson(ManifestFixtures.manifest());
        } catch (ManifestException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
