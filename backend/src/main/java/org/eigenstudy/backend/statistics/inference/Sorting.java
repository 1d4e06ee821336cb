package org.eigenstudy.backend.statistics.inference;

import java.util.Arrays;

/**
 * Ascending sort and mid-ranks that take a counting shortcut when every value is a small
 * non-negative integer (ratings, seen flags, eigen-ranks, integer percentages): linear time instead
 * of n log n on the million-value columns of a large study. Any other data falls back to
 * Arrays.sort.
 */
public final class Sorting {

    private static final int MAX_KEY = 4096;

    private Sorting() {}

    public static void sort(double[] values, int from, int to) {
        int[] counts = integerCounts(values, from, to);
        if (counts == null) {
            Arrays.sort(values, from, to);
            return;
        }
        int i = from;
        for (int key = 0; key <= MAX_KEY; key++) {
            for (int c = counts[key]; c > 0; c--) {
                values[i++] = key;
            }
        }
    }

    /**
     * For small non-negative integer data: the average rank of every key (index = value), as R's
     * {@code rank()} would give it; null when the data are not such integers.
     */
    static double[] integerMidRanks(double[] values, int n) {
        int[] counts = integerCounts(values, 0, n);
        if (counts == null) {
            return null;
        }
        double[] midRank = new double[MAX_KEY + 1];
        long below = 0;
        for (int key = 0; key <= MAX_KEY; key++) {
            midRank[key] = below + (counts[key] + 1) / 2.0;
            below += counts[key];
        }
        return midRank;
    }

    /** How often each key occurs, or null as soon as a value is not an integer in 0..MAX_KEY. */
    private static int[] integerCounts(double[] values, int from, int to) {
        int[] counts = new int[MAX_KEY + 1];
        for (int i = from; i < to; i++) {
            double v = values[i];
            int key = (int) v;
            // -0.0 must keep its sort position before +0.0, as Arrays.sort orders them.
            if (key != v || key < 0 || key > MAX_KEY || (key == 0 && 1 / v < 0)) {
                return null;
            }
            counts[key]++;
        }
        return counts;
    }
}
