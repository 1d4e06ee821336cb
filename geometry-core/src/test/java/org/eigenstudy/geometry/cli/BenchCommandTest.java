package org.eigenstudy.geometry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code bench}'s batches: exact's chunk and the floor's forward batch are set apart. */
class BenchCommandTest {

    private static final String DEMO = "models/demo/model-card.json";

    private static String row(CliRun run, String prefix) {
        return Arrays.stream(run.out().split("\n"))
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError(run.out()));
    }

    @Test
    void theFloorRunsAtItsOwnBatchInTheSameRun() {
        CliRun run =
                CliRun.of(
                        "bench",
                        "--model",
                        DEMO,
                        "--methods",
                        "exact,floor",
                        "--points",
                        "1",
                        "--no-warmup",
                        "--threads",
                        "1",
                        "--batch",
                        "16",
                        "--floor-batch",
                        "1");
        assertEquals(0, run.exit(), run.err());
        assertTrue(row(run, "| exact |").contains("chunk 16"), run.out());
        assertTrue(row(run, "| n-forward floor |").contains("batch 1 |"), run.out());
    }

    @Test
    void aBatchBelowOneIsOneLine() {
        CliRun run =
                CliRun.of("bench", "--model", DEMO, "--methods", "floor", "--floor-batch", "0");
        assertEquals(2, run.exit());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--floor-batch must be at least 1"), run.err());
    }
}
