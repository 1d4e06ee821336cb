package org.eigenstudy.geometry.stimuli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.eigenstudy.geometry.Fixtures;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.stimuli.work.HessianPoints;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.eigenstudy.studyconfig.manifest.StimulusManifest;
import org.eigenstudy.studyconfig.manifest.StimulusManifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study's {@code hessian.codes}: the average metric is computed at the researcher's own codes,
 * each point's Hessian equal to {@code hessian --codes} on the same file (the independent command
 * path), the file's SHA-256 recorded in the manifest; a count or size that does not fit is a
 * planning error naming the fix.
 */
class OwnHessianCodesTest {

    @TempDir Path dir;

    private static final String STIMULI =
            Studies.SMALL_STIMULI.replace(
                    "hessian: {points: 3, method: exact, distance: mse}",
                    "hessian: {points: 3, method: exact, distance: mse, codes: own.npy}");

    private Path codes(int n, int dim) throws Exception {
        Random random = new Random(11);
        double[] data = new double[n * dim];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextGaussian();
        }
        Path file = dir.resolve("own.npy");
        Npy.write(file, new NpyArray(new int[] {n, dim}, data), true);
        return file;
    }

    @Test
    void theMetricIsComputedAtTheOwnCodes() throws Exception {
        Path file = codes(3, 16);
        Path config = Studies.write(dir, "conv16", "z", STIMULI);
        ModelPlan plan = SpecValidator.plan(Studies.parse(config)).get(0);
        NpyArray own = Npy.read(file);
        for (int k = 0; k < 3; k++) {
            float[] expected = new float[16];
            for (int i = 0; i < 16; i++) {
                expected[i] = (float) own.data()[k * 16 + i];
            }
            assertArrayEquals(expected, HessianPoints.code(plan, k));
        }

        Path out = dir.resolve("out");
        Studies.render(config, out);
        StimulusManifest manifest = StimulusManifests.read(out.resolve("manifest.json"));
        assertEquals(
                Sha256.of(file), manifest.generatedBy().details().get("conv.hessian_codes_sha256"));

        Path run = dir.resolve("cli");
        assertEquals(
                0,
                org.eigenstudy.geometry.cli.Main.run(
                        "hessian",
                        "--model",
                        Fixtures.card("conv16").toString(),
                        "--codes",
                        file.toString(),
                        "--device",
                        "cpu",
                        "--out",
                        run.toString()));
        NpyArray byCli = Npy.read(run.resolve("hessians.npy"));
        for (int k = 0; k < 3; k++) {
            NpyArray point =
                    Npy.read(
                            out.resolve(StimulusPipeline.WORK_FOLDER)
                                    .resolve("conv/hessians/point-000" + k + ".npy"));
            double max = 0;
            double diff = 0;
            for (int i = 0; i < 256; i++) {
                max = Math.max(max, Math.abs(byCli.data()[k * 256 + i]));
                diff = Math.max(diff, Math.abs(byCli.data()[k * 256 + i] - point.data()[i]));
            }
            assertTrue(diff <= 1e-6 * max, "point " + k + ": " + diff + " of " + max);
        }
    }

    @Test
    void aCountOrSizeThatDoesNotFitIsAPlanningError() throws Exception {
        codes(2, 16);
        Path config = Studies.write(dir, "conv16", "z", STIMULI);
        InvalidSpecException count =
                assertThrows(
                        InvalidSpecException.class,
                        () -> SpecValidator.plan(Studies.parse(config)));
        assertTrue(
                count.getMessage().contains("holds 2 codes; set points to 2"), count.getMessage());

        codes(3, 12);
        InvalidSpecException size =
                assertThrows(
                        InvalidSpecException.class,
                        () -> SpecValidator.plan(Studies.parse(config)));
        assertTrue(
                size.getMessage().contains("holds codes of 12 values; the space has 16"),
                size.getMessage());

        Files.delete(dir.resolve("own.npy"));
        InvalidSpecException missing =
                assertThrows(
                        InvalidSpecException.class,
                        () -> SpecValidator.plan(Studies.parse(config)));
        assertTrue(missing.getMessage().contains("codes file not found"), missing.getMessage());
    }
}
