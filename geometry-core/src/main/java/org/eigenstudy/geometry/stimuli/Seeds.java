package org.eigenstudy.geometry.stimuli;

import java.nio.charset.StandardCharsets;

/**
 * Independent, reproducible seeds for each random draw of a run, derived from the spec's seed and a
 * purpose label. Each Hessian point, reference set and orthogonal set gets its own stream, so that
 * sharding, resuming or changing one count never shifts the numbers drawn for another.
 */
public final class Seeds {
    private Seeds() {}

    /** SplitMix64 finaliser of the seed combined with the label's bytes and an index. */
    public static long derive(long seed, String label, long index) {
        long h = mix(seed);
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        return mix(h ^ mix(index));
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
