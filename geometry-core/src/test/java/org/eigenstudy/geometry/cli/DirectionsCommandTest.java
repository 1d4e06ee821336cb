package org.eigenstudy.geometry.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.eigenstudy.geometry.directions.DirectionSet;
import org.eigenstudy.geometry.directions.RandomDirections;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.geometry.model.ReferenceCodes;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code directions} on the demo generator: SeFa from its first layer (found without naming it),
 * random and imported vectors, each written as .npy with its provenance; bad input is a one-line
 * error with exit 2 and nothing written.
 */
class DirectionsCommandTest {

    private static final Path CARD = Path.of("models/demo/model-card.json");

    @TempDir Path dir;

    @Test
    void sefaFindsTheFirstLatentMapAndWritesItsProvenance() throws Exception {
        Path out = dir.resolve("sefa");
        CliRun run = directions(out, "--method", "sefa", "--count", "5");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("directions.json").toFile());
        assertEquals("sefa", json.path("method").asText());
        assertEquals(Sha256.of(CARD), json.path("card_sha256").asText());
        assertEquals("net.0.weight", json.at("/provenance/weights/0").asText());
        assertEquals(5, json.path("labels").size());
        assertTrue(json.at("/scores/0").asDouble() >= json.at("/scores/4").asDouble());
        NpyArray vectors = Npy.read(out.resolve("directions.npy"));
        assertArrayEquals(new int[] {5, 64}, vectors.shape());
    }

    @Test
    void alphaUnderAHessianRunMakesMethodsComparable() throws Exception {
        // The metric's own top eigenvector, imported, must have α equal to its eigenvalue.
        Path run = dir.resolve("run");
        assertEquals(
                0,
                CliRun.of(
                                "hessian",
                                "--model",
                                CARD.toString(),
                                "--points",
                                "2",
                                "--device",
                                "cpu",
                                "--out",
                                run.toString())
                        .exit());
        NpyArray vectors = Npy.read(run.resolve("global_eigenvectors.npy"));
        NpyArray values = Npy.read(run.resolve("global_eigenvalues.npy"));
        int n = 64;
        StringBuilder top = new StringBuilder("top");
        for (int i = 0; i < n; i++) {
            top.append(',').append(vectors.data()[i * vectors.shape()[vectors.shape().length - 1]]);
        }
        Path csv = dir.resolve("top.csv");
        Files.writeString(csv, top + "\n");
        Path out = dir.resolve("alpha");
        CliRun result =
                directions(
                        out,
                        "--method",
                        "imported",
                        "--file",
                        csv.toString(),
                        "--hessian-run",
                        run.toString());
        assertEquals(0, result.exit(), result.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("directions.json").toFile());
        double lambda = values.data()[0];
        assertEquals(lambda, json.at("/alpha/0").asDouble(), 1e-9 * lambda);
    }

    @Test
    void theExplorerWalksTheMetricsTopAxisAsItsEigenvalueSays() throws Exception {
        // With one point the metric is the Hessian at the explorer's own reference code (both
        // drawn first from the seed's stream), so for a small step t the image distance must be
        // ½ λ t² to second order: a forward-rendering check of the double-backprop eigenvalue.
        Path out = dir.resolve("explore");
        double t = 0.005;
        CliRun run =
                directions(
                        out,
                        "--method",
                        "hessian",
                        "--count",
                        "2",
                        "--points",
                        "1",
                        "--explore-frames",
                        "5",
                        "--explore-distance",
                        Double.toString(t),
                        "--explore-size",
                        "32");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("directions.json").toFile());
        assertEquals(
                List.of("top-1", "top-2"),
                List.of(json.at("/labels/0").asText(), json.at("/labels/1").asText()));
        double lambda = json.at("/scores/0").asDouble();
        assertTrue(lambda >= json.at("/scores/1").asDouble());
        JsonNode strip = json.at("/explore/strips/0");
        assertEquals(-t, json.at("/explore/steps/0").asDouble(), 1e-12);
        assertEquals(0, strip.at("/distances/2").asDouble());
        for (int i : new int[] {0, 4}) {
            double expected = 0.5 * lambda * t * t;
            assertEquals(expected, strip.at("/distances/" + i).asDouble(), 0.05 * expected);
            assertTrue(
                    Files.size(out.resolve("explore").resolve(strip.at("/frames/" + i).asText()))
                            > 0);
        }
        assertEquals(10, Files.list(out.resolve("explore")).count());
    }

    @Test
    void explorerOptionsOutOfRangeAreOneLine() {
        CliRun run =
                directions(
                        dir.resolve("bad"),
                        "--method",
                        "random",
                        "--count",
                        "1",
                        "--explore-frames",
                        "4");
        assertEquals(2, run.exit());
        assertEquals("error: --explore-frames must be odd, 3 to 101, got 4", run.err().strip());
    }

    @Test
    void randomAndImportedDirections() throws Exception {
        Path out = dir.resolve("random");
        CliRun run = directions(out, "--method", "random", "--count", "3", "--seed", "9");
        assertEquals(0, run.exit(), run.err());
        DirectionSet expected = RandomDirections.draw(64, 3, 9);
        NpyArray written = Npy.read(out.resolve("directions.npy"));
        double[] first = new double[64];
        System.arraycopy(written.data(), 0, first, 0, 64);
        assertArrayEquals(expected.directions().get(0).vector(), first, 0);

        Path csv = dir.resolve("mine.csv");
        StringBuilder row = new StringBuilder("smile");
        for (int i = 0; i < 64; i++) {
            row.append(',').append(i == 3 ? 2 : 0);
        }
        Files.writeString(csv, row + "\n");
        Path imported = dir.resolve("imported");
        run = directions(imported, "--method", "imported", "--file", csv.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(imported.resolve("directions.json").toFile());
        assertEquals(List.of("smile"), List.of(json.at("/labels/0").asText()));
        assertEquals(Sha256.of(csv), json.at("/provenance/sha256").asText());
    }

    @Test
    void ganspaceIsThePcaOfTheMappedWCodes() throws Exception {
        Path card =
                Path.of(
                        DirectionsCommandTest.class
                                .getResource("/exports/stylegan2-narrow/model-card.json")
                                .toURI());
        Path out = dir.resolve("ganspace");
        CliRun run =
                CliRun.of(
                        "directions",
                        "--model",
                        card.toString(),
                        "--space",
                        "w",
                        "--method",
                        "ganspace",
                        "--count",
                        "3",
                        "--samples",
                        "400",
                        "--seed",
                        "2",
                        "--out",
                        out.toString());
        assertEquals(0, run.exit(), run.err());
        NpyArray written = Npy.read(out.resolve("directions.npy"));

        // Independently: the same 400 W codes (mapped z, seed 2), the SVD of their centred matrix.
        ModelCard model = ModelCard.read(card);
        int dim = model.space("w").dim();
        DMatrixRMaj centred = new DMatrixRMaj(400, dim);
        try (ReferenceCodes codes = ReferenceCodes.open(model, model.space("w"), null)) {
            Random random = new Random(2);
            double[] mean = new double[dim];
            float[][] drawn = new float[400][];
            for (int k = 0; k < 400; k++) {
                drawn[k] = codes.draw(random);
                for (int i = 0; i < dim; i++) {
                    mean[i] += drawn[k][i] / 400.0;
                }
            }
            for (int k = 0; k < 400; k++) {
                for (int i = 0; i < dim; i++) {
                    centred.set(k, i, drawn[k][i] - mean[i]);
                }
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(400, dim, false, true, false);
        assertTrue(svd.decompose(centred));
        double[] sigma = svd.getSingularValues();
        DMatrixRMaj v = svd.getV(null, false);
        Integer[] order = new Integer[dim];
        for (int i = 0; i < dim; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(sigma[b], sigma[a]));
        for (int j = 0; j < 3; j++) {
            double dot = 0;
            for (int i = 0; i < dim; i++) {
                dot += written.data()[j * dim + i] * v.get(i, order[j]);
            }
            assertEquals(1.0, Math.abs(dot), 1e-8, "component " + (j + 1));
        }

        // In z, every direction of an isotropic prior is principal and this card has no features
        // module to analyse instead: refused, with the reason.
        CliRun z =
                CliRun.of(
                        "directions",
                        "--model",
                        card.toString(),
                        "--space",
                        "z",
                        "--method",
                        "ganspace",
                        "--out",
                        dir.resolve("never").toString());
        assertEquals(2, z.exit());
        assertTrue(z.err().contains("names no features module"), z.err());
    }

    /**
     * {@code --layers 2:4} walks a direction in W+ layers 2 and 3 only: each frame's distance is
     * the one rendered here independently through the W+ module with the code built by hand, and
     * differs from the full-W walk; {@code --layers 0:8} is the full-W walk itself.
     */
    @Test
    void theExplorerConfinesAnEditToTheChosenLayers() throws Exception {
        Path card =
                Path.of(
                        DirectionsCommandTest.class
                                .getResource("/exports/stylegan2-narrow/model-card.json")
                                .toURI());
        JsonNode full = explore(card, null);
        JsonNode all = explore(card, "0:8");
        JsonNode some = explore(card, "2:4");
        assertEquals(
                List.of(2, 4), List.of(some.at("/layers/0").asInt(), some.at("/layers/1").asInt()));
        double[] v = new double[16];
        NpyArray vectors = Npy.read(dir.resolve("explore-2:4").resolve("directions.npy"));
        System.arraycopy(vectors.data(), 0, v, 0, 16);
        ModelCard model = ModelCard.read(card);
        float[] reference = new float[16];
        for (int i = 0; i < 16; i++) {
            reference[i] = (float) some.at("/explore/reference/" + i).asDouble();
        }
        double[] steps = {-2, -1, 0, 1, 2};
        float[][] codes = new float[steps.length][8 * 16];
        for (int f = 0; f < steps.length; f++) {
            for (int layer = 0; layer < 8; layer++) {
                for (int i = 0; i < 16; i++) {
                    double moved = layer >= 2 && layer < 4 ? steps[f] * v[i] : 0;
                    codes[f][layer * 16 + i] = (float) (reference[i] + moved);
                }
            }
        }
        float[][] images;
        try (org.eigenstudy.geometry.model.Generator wplus =
                org.eigenstudy.geometry.model.Generator.openWPlus(
                        model, "w", org.eigenstudy.geometry.model.DeviceChoice.CPU)) {
            images = wplus.images(codes);
        }
        for (int f = 0; f < steps.length; f++) {
            double mse = 0;
            for (int p = 0; p < images[f].length; p++) {
                double d = images[f][p] - images[2][p];
                mse += d * d / images[f].length;
            }
            double walked = some.at("/explore/strips/0/distances/" + f).asDouble();
            assertEquals(mse, walked, 1e-6 * mse + 1e-12, "frame " + f);
            assertEquals(
                    full.at("/explore/strips/0/distances/" + f).asDouble(),
                    all.at("/explore/strips/0/distances/" + f).asDouble(),
                    1e-5 * mse + 1e-9);
        }
        double edge = some.at("/explore/strips/0/distances/4").asDouble();
        assertTrue(
                Math.abs(edge - full.at("/explore/strips/0/distances/4").asDouble()) > 0.01 * edge,
                "two layers move the image differently from all eight");
        CliRun past = exploreRun(card, "6:9", dir.resolve("never"));
        assertEquals(2, past.exit());
        assertEquals(
                "error: --layers 6:9 ends past the 8 W+ layers of space w", past.err().strip());
    }

    private JsonNode explore(Path card, String layers) throws Exception {
        Path out = dir.resolve("explore-" + layers);
        CliRun run = exploreRun(card, layers, out);
        assertEquals(0, run.exit(), run.err());
        return new ObjectMapper().readTree(out.resolve("directions.json").toFile());
    }

    /** The W space's first random direction walked ±2 in five frames, optionally in layers. */
    private static CliRun exploreRun(Path card, String layers, Path out) {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "--model",
                                card.toString(),
                                "--space",
                                "w",
                                "--method",
                                "random",
                                "--count",
                                "1",
                                "--seed",
                                "4",
                                "--explore-frames",
                                "5",
                                "--explore-distance",
                                "2",
                                "--explore-size",
                                "16",
                                "--out",
                                out.toString()));
        if (layers != null) {
            args.addAll(List.of("--layers", layers));
        }
        return CliRun.of("directions", args.toArray(String[]::new));
    }

    @Test
    void badInputIsAOneLineErrorAndWritesNothing() throws Exception {
        Path csv = dir.resolve("short.csv");
        Files.writeString(csv, "a,1,2,3\n");
        for (String[] args :
                List.of(
                        new String[] {"--method", "pca"},
                        new String[] {"--method", "imported"},
                        new String[] {"--method", "imported", "--file", csv.toString()},
                        new String[] {"--method", "sefa", "--weight", "net.1.weight"},
                        new String[] {"--method", "sefa", "--count", "65"})) {
            Path out = dir.resolve("never");
            CliRun run = directions(out, args);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().startsWith("error: "), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(Files.notExists(out), "nothing written for " + String.join(" ", args));
        }
    }

    /** {@code directions} on the demo card, writing into {@code out}. */
    private static CliRun directions(Path out, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--model";
        all[1] = CARD.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--out";
        all[args.length + 3] = out.toString();
        return CliRun.of("directions", all);
    }
}
