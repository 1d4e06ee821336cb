package org.eigenstudy.geometry.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ChunkPlannerTest {
    private static final int COPY_BYTES = 32 << 20;

    /**
     * A pass that really touches 32 MiB of off-heap memory per copy and frees it at once, as a
     * libtorch pass does (a direct buffer left to the GC would stay resident into the next probe).
     */
    private static void pass(int batch) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(batch * COPY_BYTES);
        for (int i = 0; i < buffer.capacity(); i += 4096) {
            buffer.put(i, (byte) 1);
        }
        unsafe().invokeCleaner(buffer);
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void solvesTheAffineMemoryModel() {
        // 10 MiB fixed + 32 MiB per copy: probes 74 and 138 MiB; 200 MiB fits 5 copies (170).
        long mib = 1 << 20;
        assertEquals(5, ChunkPlanner.fromProbes(74 * mib, 138 * mib, 200 * mib, 64));
        assertEquals(64, ChunkPlanner.fromProbes(74 * mib, 138 * mib, 1L << 40, 64));
        assertEquals(1, ChunkPlanner.fromProbes(74 * mib, 138 * mib, 20 * mib, 64));
    }

    @Test
    void picksTheLargestBatchWithinTheBudget() {
        // Real probes: a generous budget allows every copy, a tiny one a single copy.
        assertEquals(64, ChunkPlanner.largestFitting(ChunkPlannerTest::pass, 16L << 30, 64));
        assertEquals(3, ChunkPlanner.largestFitting(ChunkPlannerTest::pass, 10L << 30, 3));
        assertEquals(1, ChunkPlanner.largestFitting(ChunkPlannerTest::pass, 1L << 20, 64));
    }
}
