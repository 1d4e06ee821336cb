package org.eigenstudy.backend.statistics.tests;

import java.util.Arrays;

/**
 * Ascending sort that takes a counting-sort shortcut when every value is a small non-negative
 * integer (ratings, seen flags, eigen-ranks, integer percentages): linear time instead of n log n
 * on the million-value columns of a large study. Any other data falls back to Arrays.sort.
 */
public final class Sorting {

    private static final int MAX_KEY = 4096;

    private Sorting() {}

    public static void sort(double[] values, int from, int to) {
        int[] counts = new int[MAX_KEY + 1];
        for (int i = from; i < to; i++) {
            double v = values[i];
            int key = (int) v;
            if (key != v || key < 0 || key > MAX_KEY || (key == 0 && 1 / v < 0)) {
                Arrays.sort(values, from, to);
                return;
            }
            counts[key]++;
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
        int[] counts = new int[MAX_KEY + 1];
        for (int i = 0; i < n; i++) {
            double v = values[i];
            int key = (int) v;
            if (key != v || key < 0 || key > MAX_KEY || (key == 0 && 1 / v < 0)) {
                return null;
            }
            counts[key]++;
        }
        double[] midRank = new double[MAX_KEY + 1];
        long below = 0;
        for (int key = 0; key <= MAX_KEY; key++) {
            midRank[key] = below + (counts[key] + 1) / 2.0;
            below += counts[key];
        }
        return midRank;
    }
}
