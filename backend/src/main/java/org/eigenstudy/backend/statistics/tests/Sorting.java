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
}
