package org.eigenstudy.geometry.stimuli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.analysis.Anisotropy;
import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.geometry.analysis.Homogeneity;
import org.eigenstudy.geometry.analysis.Spectrum;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.geometry.stimuli.work.HessianPoints;
import org.eigenstudy.geometry.stimuli.work.ModelWork;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.manifest.ManifestAxis;
import org.eigenstudy.studyconfig.manifest.ManifestModel;
import org.eigenstudy.studyconfig.manifest.ManifestStrip;
import org.eigenstudy.studyconfig.manifest.StimuliFingerprint;
import org.eigenstudy.studyconfig.manifest.StimulusManifest;
import org.eigenstudy.studyconfig.manifest.StimulusManifests;
import org.eigenstudy.studyconfig.sheets.ModelGeometrySummaries;
import org.eigenstudy.studyconfig.sheets.ModelGeometrySummary;
import org.eigenstudy.studyconfig.sheets.SheetFiles;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the 16-d conv fixture: a valid manifest whose files match their checksums,
 * byte-identical reruns, resuming after an interruption without redoing finished work, and sharded
 * Hessians that combine into the same stimuli.
 */
class StimulusPipelineTest {
    private static final Path MANIFEST_SCHEMA =
            Path.of("../study-config/schema/manifest.schema.json");
    private static final RunOptions CPU = RunOptions.local(DeviceChoice.CPU, 16);
    @TempDir static Path dir;
    static Path configFile;
    static StudyConfig config;
    static Path reference;
    static StimulusManifest manifest;

    @BeforeAll
    static void renderOnce() throws IOException {
        configFile = Studies.write(dir, "conv16", "z", Studies.SMALL_STIMULI);
        config = Studies.parse(configFile);
        reference = dir.resolve("reference");
        manifest = StimulusPipeline.run(config, reference, CPU, StimulusProgress.SILENT);
    }

    @Test
    void manifestIsValidAndEveryFileMatchesItsChecksum() throws IOException {
        StimulusManifest read = StimulusManifests.read(reference.resolve("manifest.json"));
        assertEquals(manifest, read);
        assertEquals(java.util.List.of(), StimulusManifests.verifyFiles(read, reference));
        ManifestModel model = read.models().get(0);
        assertEquals("fixture-study", read.study());
        assertEquals(StimuliFingerprint.of(config), read.configSha256());
        assertEquals(java.util.List.of(-2.0, 0.0, 2.0), model.steps());
        assertEquals(2 + 2 + 2, model.axes().size());
        assertEquals(2, model.references().size());
        for (ManifestAxis axis : model.axes()) {
            assertEquals(1.0, norm(axis.vector()), 1e-6, axis.id());
            for (ManifestStrip strip : axis.strips()) {
                assertEquals(0.0, strip.frameDistances().get(1), 0.0, "the reference frame");
                assertTrue(strip.frameDistances().get(0) > 0 && strip.frameDistances().get(2) > 0);
                var image = ImageIO.read(reference.resolve(strip.frames().get(0).path()).toFile());
                assertEquals(24, image.getWidth());
            }
        }
        var sheet = ImageIO.read(reference.resolve("sheets/conv.png").toFile());
        assertTrue(sheet.getWidth() > 3 * 3 * 24 && sheet.getHeight() > 6 * 24);
    }

    @Test
    void geometrySummaryHoldsTheAnalysisClassesNumbersForTheModelsHessians() throws IOException {
        Path sheets = reference.resolve(SheetFiles.FOLDER);
        // Read through study-config's contract, as the backend reads it.
        ModelGeometrySummary json =
                ModelGeometrySummaries.read(sheets.resolve("conv-geometry.json"));
        // Recomputed here from the point Hessians the pipeline kept, by the analysis classes.
        List<DMatrixRMaj> hessians = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            hessians.add(
                    HessianPoints.read(
                            ModelWork.pointPath(
                                    reference.resolve(StimulusPipeline.WORK_FOLDER + "/conv"), k)));
        }
        List<Eigen> eigens = hessians.stream().map(Eigen::of).toList();
        Spectrum spectrum = Spectrum.of(eigens.stream().map(Eigen::values).toList());
        Homogeneity.Result homogeneity = Homogeneity.of(hessians, eigens);
        assertEquals("eigenstudy-model-geometry/1", json.schema());
        assertEquals("conv", json.model());
        assertEquals(3, json.points());
        assertArrayEquals(spectrum.mean(), doubles(json.spectrum().mean()), 0.0);
        assertArrayEquals(spectrum.p05(), doubles(json.spectrum().p05()), 0.0);
        assertArrayEquals(spectrum.p95(), doubles(json.spectrum().p95()), 0.0);
        assertEquals(16, spectrum.mean().length);
        assertArrayEquals(
                Anisotropy.dims(spectrum.mean(), Anisotropy.THRESHOLDS),
                ints(json.anisotropyDimsMeanSpectrum()));
        double[] average =
                Eigen.of(org.eigenstudy.geometry.analysis.GlobalHessian.average(hessians)).values();
        assertArrayEquals(
                Anisotropy.dims(average, Anisotropy.THRESHOLDS),
                ints(json.anisotropyDimsAverageHessian()));
        for (var scale :
                Map.of(
                                homogeneity.linear(), json.homogeneity().linear(),
                                homogeneity.log(), json.homogeneity().log())
                        .entrySet()) {
            assertEquals(scale.getKey().mean(), scale.getValue().mean(), 0.0);
            assertEquals(scale.getKey().std(), scale.getValue().std(), 0.0);
            assertEquals(6, scale.getValue().pairs(), "3 points, 6 ordered pairs");
        }
        // Independent sanity: the band brackets the mean and the log C^H is a correlation.
        for (int r = 0; r < 16; r++) {
            assertTrue(spectrum.p05()[r] <= spectrum.mean()[r]);
            assertTrue(spectrum.mean()[r] <= spectrum.p95()[r]);
        }
        assertTrue(Math.abs(homogeneity.log().mean()) <= 1);
        for (String plot : new String[] {"conv-spectrum.png", "conv-homogeneity.png"}) {
            var image = ImageIO.read(sheets.resolve(plot).toFile());
            assertEquals(800, image.getWidth(), plot);
            assertEquals(560, image.getHeight(), plot);
        }
    }

    @Test
    void geometryFilesLostFromTheSheetsFolderAreRestoredFromTheWorkFolder() throws IOException {
        Path out = dir.resolve("geometry-resume");
        StimulusPipeline.run(config, out, CPU, StimulusProgress.SILENT);
        Path sheets = out.resolve(SheetFiles.FOLDER);
        Files.delete(sheets.resolve("conv-spectrum.png"));
        Files.writeString(sheets.resolve("conv-geometry.json"), "{}");
        Counting rerun = new Counting(Integer.MAX_VALUE);
        StimulusPipeline.run(config, out, CPU, rerun);
        assertEquals(0, rerun.computed);
        assertSameFiles(reference, out);
    }

    @Test
    void manifestValidatesAgainstTheJsonSchema() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(mapper.readTree(MANIFEST_SCHEMA.toFile()));
        JsonNode json = mapper.readTree(reference.resolve("manifest.json").toFile());
        assertEquals(Set.of(), schema.validate(json));
        // The check can fail: a manifest missing a required field is rejected.
        ((ObjectNode) json.path("models").get(0).path("axes").get(0)).remove("alpha");
        assertEquals(1, schema.validate(json).size());
    }

    @Test
    void theSameSpecAndSeedGiveByteIdenticalFiles() throws IOException {
        Path again = dir.resolve("again");
        StimulusPipeline.run(config, again, CPU, StimulusProgress.SILENT);
        assertSameFiles(reference, again);
    }

    @Test
    void anInterruptedRunResumesWithoutRedoingFinishedWork() throws IOException {
        Path out = dir.resolve("interrupted");
        Counting first = new Counting(5);
        assertThrows(Interrupted.class, () -> StimulusPipeline.run(config, out, CPU, first));
        assertEquals(5, first.computed);

        Counting second = new Counting(Integer.MAX_VALUE);
        StimulusPipeline.run(config, out, CPU, second);
        long total = 3 + 6 * 2;
        assertEquals(total, second.total);
        assertEquals(5, second.reused, "the 5 units finished before the interrupt are reused");
        assertEquals(total - 5, second.computed);
        assertSameFiles(reference, out);

        Counting third = new Counting(Integer.MAX_VALUE);
        StimulusPipeline.run(config, out, CPU, third);
        assertEquals(0, third.computed, "a finished run has nothing left to compute");
    }

    @Test
    void shardedHessiansCombineIntoTheSameStimuli() throws IOException {
        Path shards = dir.resolve("shards");
        ShardRunner.run(config, shards, 1, 2, CPU, StimulusProgress.SILENT);
        RunOptions combine = new RunOptions(DeviceChoice.CPU, 16, shards, 2);
        GeometryException missing =
                assertThrows(
                        GeometryException.class,
                        () ->
                                StimulusPipeline.run(
                                        config,
                                        dir.resolve("x"),
                                        combine,
                                        StimulusProgress.SILENT));
        assertTrue(
                missing.getMessage().contains("Hessian shard 0 of 2 is missing"),
                missing.getMessage());
        assertEquals(1, missing.getMessage().lines().count());
        try (Stream<Path> files = Files.walk(shards.resolve("shard-1"))) {
            // Points 0..2 of the only model: shard 1 of 2 owns point 1 alone.
            assertEquals(
                    java.util.List.of("point-0001.npy"),
                    files.filter(p -> p.toString().endsWith(".npy"))
                            .map(p -> p.getFileName().toString())
                            .toList());
        }

        ShardRunner.run(config, shards, 0, 2, CPU, StimulusProgress.SILENT);
        Path out = dir.resolve("combined");
        Counting progress = new Counting(Integer.MAX_VALUE);
        StimulusPipeline.run(config, out, combine, progress);
        assertEquals(3, progress.reused, "no Hessian is computed when combining shards");
        assertSameFiles(reference, out);
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        Map<String, byte[]> a = files(expected);
        Map<String, byte[]> b = files(actual);
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
    }

    /** Every output file except the work folder, by relative path. */
    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(p).toString();
                if (!name.startsWith(StimulusPipeline.WORK_FOLDER)) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double norm(java.util.List<Double> v) {
        return Math.sqrt(v.stream().mapToDouble(x -> x * x).sum());
    }

    /** Counts units and simulates a kill after {@code limit} computed ones. */
    private static final class Counting implements StimulusProgress {
        private final int limit;
        long total;
        long computed;
        long reused;

        Counting(int limit) {
            this.limit = limit;
        }

        @Override
        public void addTotal(Unit unit, long units) {
            total += units;
        }

        @Override
        public void advance(Unit unit, String what, boolean wasReused) {
            if (wasReused) {
                reused++;
            } else {
                computed++;
            }
            if (computed == limit) {
                throw new Interrupted();
            }
        }
    }

    private static final class Interrupted extends RuntimeException {}
}
