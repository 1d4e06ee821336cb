package org.eigenstudy.geometry.model;

import java.util.Map;

/**
 * How far two correct float32 evaluations of an exported network may differ when they run on other
 * CPUs or kernels (here: DJL's libtorch against the eager PyTorch that wrote the fixture). The
 * derivation, the per-network numbers and the check that one weight off by 0.1 % still fails are in
 * {@code geometry-core/python/tests/test_java_fixtures.py}: a dot product of n float32 terms rounds
 * to about u·√n of its magnitude (u = 2⁻²⁴), L layers add up, both runs round:
 * 2·u·√n·L·max|output|.
 */
final class Float32Bound {

    private static final double U = 0x1p-24;

    /** (layers on the longest path, largest fan-in) of each exported fixture network. */
    private static final Map<String, int[]> NETWORKS =
            Map.of(
                    "pggan-narrow", new int[] {7, 16 * 9},
                    "stylegan2-narrow", new int[] {11, 16 * 9},
                    "biggan-deep-narrow", new int[] {14, 256},
                    "lpips-squeeze", new int[] {18, 64 * 9},
                    "lpips-alex", new int[] {6, 384 * 9},
                    "lpips-vgg", new int[] {14, 512 * 9});

    private Float32Bound() {}

    /** The absolute tolerance for outputs of {@code network} whose reference values are these. */
    static double atol(String network, double[] reference) {
        int[] arithmetic = NETWORKS.get(network);
        if (arithmetic == null) {
            throw new IllegalArgumentException("no arithmetic recorded for " + network);
        }
        double max = 0;
        for (double v : reference) {
            max = Math.max(max, Math.abs(v));
        }
        return 2 * U * Math.sqrt(arithmetic[1]) * arithmetic[0] * max;
    }
}
