package org.eigenstudy.geometry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --official DIR} runs a checkout's {@code core.GAN_hessian_compute.hessian_compute}
 * (method BP) in Python on the same module and codes as the Java methods and compares. The checkout
 * here is a stand-in with the same entry point that computes the Hessian independently in float64
 * autograd, so the row's error against the engine's float32 {@code exact} must be at float32
 * round-off; the real authors' code is run the same way from a user's checkout
 * (docs/benchmarks.md).
 */
class BenchOfficialTest {

    private static final String DEMO = "models/demo/model-card.json";
    private static final String STAND_IN = "src/test/resources/official-stand-in";

    @Test
    void theOfficialRowAgreesWithExactAndTheReportStatesTheSpeedUp() {
        CliRun run =
                CliRun.of(
                        "bench",
                        "--model",
                        DEMO,
                        "--methods",
                        "exact",
                        "--points",
                        "2",
                        "--no-warmup",
                        "--threads",
                        "1",
                        "--official",
                        STAND_IN);
        assertEquals(0, run.exit(), run.err());
        String row =
                Arrays.stream(run.out().split("\n"))
                        .filter(l -> l.startsWith("| official BP (paper's code) |"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(run.out()));
        double error = Double.parseDouble(row.split("\\|")[6].trim());
        assertTrue(error < 1e-5, "float32 exact vs float64 autograd: " + row);
        assertTrue(row.contains("1 thread(s), warm"), row);
        assertTrue(run.out().contains("× faster than the paper's own code"), run.out());
    }

    @Test
    void aFolderThatIsNotTheCheckoutIsOneLine() {
        CliRun run =
                CliRun.of(
                        "bench",
                        "--model",
                        DEMO,
                        "--methods",
                        "exact",
                        "--official",
                        Path.of("models").toString());
        assertEquals(2, run.exit());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(
                run.err().contains("not a checkout of the paper's GAN-Geometry code"), run.err());
    }

    @Test
    void otherDistancesThanPixelMseAreRefused() {
        CliRun run =
                CliRun.of(
                        "bench",
                        "--model",
                        DEMO,
                        "--methods",
                        "exact",
                        "--resize",
                        "32",
                        "--official",
                        STAND_IN);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--official compares on pixel MSE only"), run.err());
    }
}
