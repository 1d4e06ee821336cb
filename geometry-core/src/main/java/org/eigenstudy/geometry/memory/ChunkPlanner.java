package org.eigenstudy.geometry.memory;

import java.util.function.IntConsumer;

/**
 * Picks the largest batch (copies of z0 per pass) whose peak memory fits a budget, from two probe
 * passes at batch 2 and 4: memory is affine in the batch size, so two points give the per-copy and
 * fixed cost. Measures this process's resident memory, so it applies to CPU runs only.
 */
public final class ChunkPlanner {
    private ChunkPlanner() {}

    /**
     * @param pass runs one pass at the given batch size
     * @return a batch in [1, max]; max when even that fits
     */
    public static int largestFitting(IntConsumer pass, long budgetBytes, int max) {
        long two = peakOf(pass, Math.min(2, max));
        if (max <= 2) {
            return two <= budgetBytes ? max : 1;
        }
        return fromProbes(two, peakOf(pass, 4), budgetBytes, max);
    }

    /** The affine model through (2, peakAt2) and (4, peakAt4), solved for the budget. */
    static int fromProbes(long peakAt2, long peakAt4, long budgetBytes, int max) {
        long perCopy = Math.max(1, (peakAt4 - peakAt2) / 2);
        long fixed = Math.max(0, peakAt2 - 2 * perCopy);
        long fitting = (budgetBytes - fixed) / perCopy;
        return (int) Math.max(1, Math.min(max, fitting));
    }

    /** Growth of the peak resident memory over the resident memory before the pass. */
    private static long peakOf(IntConsumer pass, int batch) {
        System.gc();
        ProcessMemory.reset();
        long before = ProcessMemory.currentBytes();
        pass.accept(batch);
        return Math.max(0, ProcessMemory.peakBytes() - before);
    }
}
