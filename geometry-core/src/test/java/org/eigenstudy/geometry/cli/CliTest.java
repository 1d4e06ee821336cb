package org.eigenstudy.geometry.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.geometry.Fixtures;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir Path dir;

    private String card() {
        return Fixtures.card("conv16").toString();
    }

    @Test
    void sameSeedAndSettingsGiveIdenticalRuns() throws Exception {
        for (String run : new String[] {"a", "b"}) {
            int code =
                    Main.run(
                            "hessian",
                            "--model",
                            card(),
                            "--points",
                            "3",
                            "--device",
                            "cpu",
                            "--batch",
                            "5",
                            "--seed",
                            "4",
                            "--out",
                            dir.resolve(run).toString());
            assertEquals(0, code);
        }
        for (String file :
                new String[] {"summary.json", "hessians.npy", "eigenvectors.npy", "codes.npy"}) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("a").resolve(file)),
                    Files.readAllBytes(dir.resolve("b").resolve(file)),
                    file);
        }
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("a/summary.json").toFile());
        assertEquals("exact", summary.at("/settings/method").asText());
        assertTrue(
                summary.at("/statistics/upstream").isMissingNode(), "no upstream scale, no block");
        assertEquals(6, summary.at("/statistics/homogeneity/log/pairs").asInt());
        assertEquals(4, summary.at("/statistics/anisotropy_dims_global").size());
        assertTrue(Files.size(dir.resolve("a/spectrum.png")) > 1000);
        NpyArray h = Npy.read(dir.resolve("a/hessians.npy"));
        assertArrayEquals(new int[] {3, 16, 16}, h.shape());

        // The analysis commands re-derive the same statistics from the saved files.
        assertEquals(
                0,
                Main.run(
                        "homogeneity",
                        "--hessians",
                        dir.resolve("a/hessians.npy").toString(),
                        "--out",
                        dir.resolve("h").toString()));
        JsonNode hom = new ObjectMapper().readTree(dir.resolve("h/homogeneity.json").toFile());
        assertEquals(
                summary.at("/statistics/homogeneity/log/mean").asDouble(),
                hom.at("/homogeneity/log/mean").asDouble(),
                1e-15);
        assertEquals(
                0,
                Main.run(
                        "spectrum",
                        "--eigenvalues",
                        dir.resolve("a/eigenvalues.npy").toString(),
                        "--out",
                        dir.resolve("s").toString()));
        JsonNode spec = new ObjectMapper().readTree(dir.resolve("s/spectrum.json").toFile());
        assertEquals(
                summary.at("/statistics/spectrum/p95/0").asDouble(),
                spec.at("/p95/0").asDouble(),
                1e-15);
    }

    @Test
    void lanczosRunWritesTopKOnly() throws Exception {
        assertEquals(
                0,
                Main.run(
                        "hessian",
                        "--model",
                        card(),
                        "--points",
                        "2",
                        "--device",
                        "cpu",
                        "--method",
                        "lanczos",
                        "--k",
                        "4",
                        "--out",
                        dir.resolve("l").toString()));
        assertArrayEquals(new int[] {2, 4}, Npy.read(dir.resolve("l/eigenvalues.npy")).shape());
        assertTrue(Files.notExists(dir.resolve("l/hessians.npy")));
    }

    @Test
    void ownCodesGiveTheMetricAtExactlyThoseCodes() throws Exception {
        assertEquals(0, hessian("--points", "3", "--out", dir.resolve("drawn").toString()));
        Path codes = dir.resolve("drawn/codes.npy");
        assertEquals(
                0, hessian("--codes", codes.toString(), "--out", dir.resolve("given").toString()));
        for (String file : new String[] {"codes.npy", "hessians.npy", "eigenvalues.npy"}) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("drawn").resolve(file)),
                    Files.readAllBytes(dir.resolve("given").resolve(file)),
                    file);
        }
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("given/summary.json").toFile());
        assertEquals("codes.npy", summary.at("/settings/codes_file").asText());
        assertEquals(3, summary.at("/settings/points").asInt());

        // Codes of another size, and --codes with --points, are user errors that write nothing.
        Path wrong = dir.resolve("wrong.npy");
        Npy.write(wrong, new NpyArray(new int[] {2, 15}, new double[30]), true);
        assertEquals(
                2, hessian("--codes", wrong.toString(), "--out", dir.resolve("never").toString()));
        assertEquals(
                2,
                hessian(
                        "--codes",
                        codes.toString(),
                        "--points",
                        "2",
                        "--out",
                        dir.resolve("never").toString()));
        assertTrue(Files.notExists(dir.resolve("never")));
    }

    @Test
    void bigGanNoiseEigenvaluesAreAlsoReportedInUpstreamZUnits() throws Exception {
        Path card =
                Path.of(
                        CliTest.class
                                .getResource("/exports/biggan-deep-narrow/model-card.json")
                                .toURI());
        Path out = dir.resolve("biggan");
        assertEquals(
                0,
                Main.run(
                        "hessian",
                        "--model",
                        card.toString(),
                        "--space",
                        "noise",
                        "--points",
                        "2",
                        "--device",
                        "cpu",
                        "--out",
                        out.toString()));
        JsonNode stats =
                new ObjectMapper().readTree(out.resolve("summary.json").toFile()).at("/statistics");
        assertEquals(0.4, stats.at("/upstream/scale").asDouble());
        JsonNode inU = stats.get("global_eigenvalues");
        JsonNode inZ = stats.at("/upstream/global_eigenvalues");
        assertEquals(inU.size(), inZ.size());
        for (int i = 0; i < inU.size(); i++) {
            // The module sees u with z = 0.4 u: H_u = 0.16 H_z, so z-unit eigenvalues are 6.25
            // times larger.
            assertEquals(
                    inU.get(i).asDouble() / 0.16,
                    inZ.get(i).asDouble(),
                    1e-12 * inZ.get(0).asDouble());
        }
    }

    /** {@code hessian} with {@code args} on the conv16 fixture, CPU, batch 5, seed 4. */
    private int hessian(String... args) {
        String[] common = {"--model", card(), "--device", "cpu", "--batch", "5", "--seed", "4"};
        String[] all = new String[1 + args.length + common.length];
        all[0] = "hessian";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(common, 0, all, 1 + args.length, common.length);
        return Main.run(all);
    }

    @Test
    void userErrorsExitWithCodeTwo() throws Exception {
        assertEquals(
                2,
                Main.run(
                        "hessian",
                        "--model",
                        dir.resolve("none.json").toString(),
                        "--out",
                        dir.resolve("x").toString()));
        assertEquals(
                2,
                Main.run(
                        "hessian",
                        "--model",
                        card(),
                        "--device",
                        "gpu",
                        "--out",
                        dir.resolve("x").toString()));
        assertEquals(
                2,
                Main.run(
                        "hessian",
                        "--model",
                        card(),
                        "--method",
                        "magic",
                        "--out",
                        dir.resolve("x").toString()));
        // A card whose declared dimension differs from what the TorchScript module accepts.
        Path wrong = dir.resolve("wrong");
        Files.createDirectories(wrong);
        Files.copy(
                Fixtures.dir("conv16").resolve("generator_z.pt"), wrong.resolve("generator_z.pt"));
        Files.writeString(
                wrong.resolve("model-card.json"),
                Files.readString(Fixtures.card("conv16")).replace("\"dim\": 16", "\"dim\": 15"));
        assertEquals(
                2,
                Main.run(
                        "hessian",
                        "--model",
                        wrong.resolve("model-card.json").toString(),
                        "--device",
                        "cpu",
                        "--out",
                        dir.resolve("x").toString()));
        assertTrue(Files.notExists(dir.resolve("x")), "bad input stores nothing");
    }
}
